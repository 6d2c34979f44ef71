import "server-only";
import { db } from "../db";

const DAY_MS = 86_400_000;

export async function dashboardStats(now = new Date()) {
  const active = { status: "ACTIVE" as const, OR: [{ expiresAt: null }, { expiresAt: { gt: now } }] };
  const [activeLicenses, seatsInUse, seatRows, expiringSoon] = await Promise.all([
    db.license.count({ where: active }),
    db.activation.count({
      where: {
        license: active,
        OR: [
          { deactivatedAt: null, OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { gt: now } }] },
          { deactivatedAt: { not: null }, seatFreedAt: { gt: now } },
        ],
      },
    }),
    db.$queryRaw<{ sold: bigint | null }[]>`
      SELECT sum(coalesce(l."seats", p."seats"))::bigint AS sold
      FROM "License" l JOIN "Policy" p ON p."id" = l."policyId"
      WHERE l."status" = 'ACTIVE' AND (l."expiresAt" IS NULL OR l."expiresAt" > ${now})`,
    db.license.count({ where: { status: "ACTIVE", expiresAt: { gt: now, lte: new Date(now.getTime() + 30 * DAY_MS) } } }),
  ]);
  return { activeLicenses, seatsInUse, seatsSold: Number(seatRows[0]?.sold ?? 0), expiringSoon };
}
