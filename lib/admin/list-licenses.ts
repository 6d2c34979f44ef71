import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import { LICENSE_INCLUDE } from "../licensing/find-license";
import { seatCountsByLicense } from "../licensing/seat-counts";
import { serializeAdminLicense } from "./serialize-license";
import type { TLicenseSort, TListLicenses } from "./schemas";

const DAY_MS = 86_400_000;

type TFilters = Omit<TListLicenses, "page" | "pageSize" | "sort" | "dir">;

/** Activations holding a seat at `now` (same rule as countSeatsInUse), for relation filters. */
function seatHolding(now: Date): Prisma.ActivationWhereInput {
  return {
    OR: [
      { deactivatedAt: null, OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { gt: now } }] },
      { deactivatedAt: { not: null }, seatFreedAt: { gt: now } },
    ],
  };
}

/**
 * Licenses whose seats in use reach `percent` of their limit. Only licenses with at least one
 * seat-holding activation can qualify, so the scan starts from activations, not from all licenses.
 */
async function licensesAtUtilization(percent: number, now: Date): Promise<string[]> {
  const rows = await db.$queryRaw<{ licenseId: string }[]>(Prisma.sql`
    SELECT a."licenseId"
    FROM "Activation" a
    JOIN "License" l ON l."id" = a."licenseId"
    JOIN "Policy" p ON p."id" = l."policyId"
    WHERE (a."deactivatedAt" IS NULL AND (a."leaseExpiresAt" IS NULL OR a."leaseExpiresAt" > ${now}))
       OR (a."deactivatedAt" IS NOT NULL AND a."seatFreedAt" > ${now})
    GROUP BY a."licenseId", l."seats", p."seats"
    HAVING count(*) * 100 >= coalesce(l."seats", p."seats") * ${percent}`);
  return rows.map((r) => r.licenseId);
}

export async function licenseSearchWhere(input: TFilters, now: Date): Promise<Prisma.LicenseWhereInput> {
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
  if (input.customer) and.push({ organization: { name: { contains: input.customer, mode: "insensitive" } } });
  if (input.policyId) and.push({ policyId: input.policyId });
  if (input.productId) and.push({ policy: { productId: input.productId } });
  if (input.expiringWithinDays !== undefined) {
    and.push({ expiresAt: { gt: now, lte: new Date(now.getTime() + input.expiringWithinDays * DAY_MS) } });
  }
  if (input.utilization === "unused") and.push({ activations: { none: seatHolding(now) } });
  else if (input.utilization === "in_use") and.push({ activations: { some: seatHolding(now) } });
  else if (input.utilization) and.push({ id: { in: await licensesAtUtilization(input.utilization === "full" ? 100 : 80, now) } });
  return and.length ? { AND: and } : {};
}

function licenseOrder(sort: TLicenseSort = "createdAt", dir: "asc" | "desc" = "desc"): Prisma.LicenseOrderByWithRelationInput[] {
  const by: Record<TLicenseSort, Prisma.LicenseOrderByWithRelationInput> = {
    createdAt: { createdAt: dir },
    expiresAt: { expiresAt: { sort: dir, nulls: "last" } },
    name: { name: { sort: dir, nulls: "last" } },
    key: { key: dir },
    customer: { organization: { name: dir } },
    status: { status: dir },
  };
  // The id tie-breaker keeps pages stable when many rows share a value.
  return [by[sort], { id: dir }];
}

export async function listLicenses(input: TListLicenses, now = new Date()) {
  const where = await licenseSearchWhere(input, now);
  const [total, rows] = await Promise.all([
    db.license.count({ where }),
    db.license.findMany({
      where,
      include: { ...LICENSE_INCLUDE, currentPeriod: true },
      orderBy: licenseOrder(input.sort, input.dir),
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
  ]);
  // Seat counts only for the rows on this page: one grouped query, never a count per row.
  const used = await seatCountsByLicense(rows.map((r) => r.id), now);
  return { licenses: rows.map((r) => serializeAdminLicense(r, used.get(r.id) ?? 0, now)), total, page: input.page, pageSize: input.pageSize };
}
