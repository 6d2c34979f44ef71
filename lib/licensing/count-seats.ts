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
 * trip). `licenseId` and `now` are values, or SQL expressions over the enclosing statement; `except`,
 * a condition over the counted row `held`, leaves out rows the enclosing statement is changing.
 */
export function seatsInUseSql(licenseId: string | Prisma.Sql, now: Date | Prisma.Sql, except?: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`(SELECT count(*)::int FROM "Activation" held
    WHERE held."licenseId" = ${licenseId}${except ? Prisma.sql` AND NOT (${except})` : Prisma.empty}
      AND ((held."deactivatedAt" IS NULL AND (held."leaseExpiresAt" IS NULL OR held."leaseExpiresAt" > ${now}))
        OR (held."deactivatedAt" IS NOT NULL AND held."seatFreedAt" > ${now})))`;
}
