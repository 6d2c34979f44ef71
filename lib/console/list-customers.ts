import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";

export const CUSTOMER_SORTS = ["name", "createdAt"] as const;

/** Customers (organizations) with license counts for the rows on the page only. */
export async function listCustomers(input: { page: number; pageSize: number; q?: string; sort: (typeof CUSTOMER_SORTS)[number]; desc: boolean }) {
  const where: Prisma.OrganizationWhereInput = input.q ? { name: { contains: input.q, mode: "insensitive" } } : {};
  const dir = input.desc ? "desc" : "asc";
  const [total, orgs] = await Promise.all([
    db.organization.count({ where }),
    db.organization.findMany({
      where,
      orderBy: [{ [input.sort]: dir }, { id: dir }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
  ]);
  const ids = orgs.map((o) => o.id);
  const [licenseCounts, userCounts] = await Promise.all([
    db.license.groupBy({ by: ["organizationId"], where: { organizationId: { in: ids } }, _count: { _all: true } }),
    db.orgUser.groupBy({ by: ["organizationId"], where: { organizationId: { in: ids } }, _count: { _all: true } }),
  ]);
  const licenses = new Map(licenseCounts.map((c) => [c.organizationId, c._count._all]));
  const users = new Map(userCounts.map((c) => [c.organizationId, c._count._all]));
  return {
    total,
    customers: orgs.map((o) => ({
      id: o.id,
      name: o.name,
      createdAt: o.createdAt.toISOString(),
      licenses: licenses.get(o.id) ?? 0,
      users: users.get(o.id) ?? 0,
    })),
  };
}

export type TCustomerRow = Awaited<ReturnType<typeof listCustomers>>["customers"][number];
