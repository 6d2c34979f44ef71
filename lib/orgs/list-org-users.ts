import "server-only";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { ZListOrgUsers, type TListOrgUsers } from "./schemas";
import { serializeOrgUser } from "./serialize";

export async function listOrgUsers(organizationId: string, rawInput: TListOrgUsers = {}) {
  const input = ZListOrgUsers.parse(rawInput);
  const where: Prisma.OrgUserWhereInput = {
    organizationId,
    ...(input.q
      ? { OR: [{ email: { contains: input.q, mode: "insensitive" } }, { name: { contains: input.q, mode: "insensitive" } }] }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db.orgUser.count({ where }),
    db.orgUser.findMany({
      where,
      omit: { passwordHash: false },
      orderBy: [{ role: "asc" }, { email: "asc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
      include: { _count: { select: { activations: { where: { deactivatedAt: null } } } } },
    }),
  ]);
  const users = rows.map(({ passwordHash, _count, ...u }) => ({
    ...serializeOrgUser({ ...u, hasPassword: Boolean(passwordHash) }),
    activeSeats: _count.activations,
  }));
  return { users, total, page: input.page, pageSize: input.pageSize };
}

export async function getOrgUser(organizationId: string, userId: string) {
  const user = await db.orgUser.findFirst({ where: { id: userId, organizationId }, omit: { passwordHash: false } });
  if (!user) return null;
  const { passwordHash, ...rest } = user;
  return serializeOrgUser({ ...rest, hasPassword: Boolean(passwordHash) });
}
