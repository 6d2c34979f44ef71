import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { activationStatus } from "../licensing/serialize";
import { isOrgAdmin, type TOrgActor } from "./actor";

const DAY_MS = 86_400_000;

export const ZActivationQuery = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce.number().int().min(5).max(100).catch(25),
  q: z.string().trim().max(200).catch(""),
  notSeenDays: z.coerce.number().int().min(1).max(3650).optional().catch(undefined),
  licenseId: z.string().max(64).optional().catch(undefined),
});
export type TActivationQuery = z.infer<typeof ZActivationQuery>;

/**
 * Current seats of the organization, newest first. Admins see every seat, members only their own.
 * One search box covers friendly name, hostname and the user's email.
 */
export async function listOrgActivations(actor: TOrgActor, rawQuery: Record<string, unknown>, now = new Date()) {
  const query = ZActivationQuery.parse(rawQuery);
  const where: Prisma.ActivationWhereInput = {
    deactivatedAt: null,
    license: { organizationId: actor.organizationId },
    ...(isOrgAdmin(actor) ? {} : { userId: actor.userId }),
    ...(query.licenseId ? { licenseId: query.licenseId } : {}),
    ...(query.notSeenDays ? { lastSeenAt: { lt: new Date(now.getTime() - query.notSeenDays * DAY_MS) } } : {}),
    ...(query.q
      ? {
          OR: [
            { friendlyName: { contains: query.q, mode: "insensitive" } },
            { hostname: { contains: query.q, mode: "insensitive" } },
            { user: { email: { contains: query.q, mode: "insensitive" } } },
          ],
        }
      : {}),
  };
  const [total, rows] = await Promise.all([
    db.activation.count({ where }),
    db.activation.findMany({
      where,
      orderBy: [{ lastSeenAt: "desc" }, { id: "desc" }],
      skip: (query.page - 1) * query.pageSize,
      take: query.pageSize,
      include: {
        user: { select: { id: true, email: true, name: true } },
        license: { select: { id: true, name: true, policy: { select: { product: { select: { name: true } } } } } },
      },
    }),
  ]);
  return {
    query,
    total,
    activations: rows.map((a) => ({
      id: a.id,
      friendlyName: a.friendlyName,
      hostname: a.hostname,
      platform: a.platform,
      appVersion: a.appVersion,
      fingerprint: a.fingerprint,
      status: activationStatus(a, now),
      createdAt: a.createdAt.toISOString(),
      lastSeenAt: a.lastSeenAt.toISOString(),
      user: a.user,
      license: { id: a.license.id, name: a.license.name, product: a.license.policy.product.name },
      mine: a.userId === actor.userId,
    })),
  };
}
export type TOrgActivationRow = Awaited<ReturnType<typeof listOrgActivations>>["activations"][number];
