import "server-only";
import type { TDbOrTx } from "../db";
import { Prisma } from "../generated/prisma/client";

/**
 * Which activations hold a seat at `now`: active ones whose lease (if any) has not run out, and
 * deactivated ones still inside their cooldown. Counting by time means an expired lease stops
 * counting the instant it expires, whether or not a sweeper has run.
 */
export function seatHoldingWhere(licenseId: string, now: Date): Prisma.ActivationWhereInput {
  return {
    licenseId,
    OR: [
      { deactivatedAt: null, OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { gt: now } }] },
      { deactivatedAt: { not: null }, seatFreedAt: { gt: now } },
    ],
  };
}

export function countSeatsInUse(client: TDbOrTx, licenseId: string, now: Date): Promise<number> {
  return client.activation.count({ where: seatHoldingWhere(licenseId, now) });
}

/**
 * seatHoldingWhere's rule as SQL, for raw statements that count seats beside other work (one round
 * trip). `licenseId` and `now` are values, or SQL expressions over the enclosing statement.
 */
export function seatsInUseSql(licenseId: string | Prisma.Sql, now: Date | Prisma.Sql, exceptId?: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT count(*)::int FROM "Activation"
    WHERE "licenseId" = ${licenseId}${exceptId ? Prisma.sql` AND "id" <> ${exceptId}` : Prisma.empty}
      AND (("deactivatedAt" IS NULL AND ("leaseExpiresAt" IS NULL OR "leaseExpiresAt" > ${now}))
        OR ("deactivatedAt" IS NOT NULL AND "seatFreedAt" > ${now})))`;
}
