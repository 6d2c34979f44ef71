import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { LICENSE_INCLUDE } from "../licensing/find-license";
import { seatCountsByLicense } from "../licensing/seat-counts";
import { serializeAdminLicense } from "./serialize-license";
import type { TListLicenses } from "./schemas";

export function licenseSearchWhere(input: Omit<TListLicenses, "page" | "pageSize">, now: Date): Prisma.LicenseWhereInput {
  const and: Prisma.LicenseWhereInput[] = [];
  if (input.q) {
    const q = input.q;
    and.push({
      OR: [
        { key: { contains: q.toUpperCase() } },
        { name: { contains: q, mode: "insensitive" } },
        { organization: { name: { contains: q, mode: "insensitive" } } },
      ],
    });
  }
  if (input.status === "EXPIRED") and.push({ expiresAt: { lte: now } });
  else if (input.status === "ACTIVE") and.push({ status: "ACTIVE", OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] });
  else if (input.status === "SUSPENDED") and.push({ status: "SUSPENDED" });
  if (input.organizationId) and.push({ organizationId: input.organizationId });
  if (input.policyId) and.push({ policyId: input.policyId });
  if (input.productId) and.push({ policy: { productId: input.productId } });
  return and.length ? { AND: and } : {};
}

export async function listLicenses(input: TListLicenses, now = new Date()) {
  const where = licenseSearchWhere(input, now);
  const [total, rows] = await Promise.all([
    db.license.count({ where }),
    db.license.findMany({
      where,
      include: { ...LICENSE_INCLUDE, currentPeriod: true },
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
  ]);
  const used = await seatCountsByLicense(rows.map((r) => r.id), now);
  return { licenses: rows.map((r) => serializeAdminLicense(r, used.get(r.id) ?? 0, now)), total, page: input.page, pageSize: input.pageSize };
}
