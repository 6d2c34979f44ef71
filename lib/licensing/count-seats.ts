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

/** Seats in use at `now`: seatHoldingWhere's rule, counted on the partial indexes (seatsInUseSql). */
export async function countSeatsInUse(client: TDbOrTx, licenseId: string, now: Date): Promise<number> {
  const rows = await client.$queryRaw<{ n: number }[]>`SELECT ${seatsInUseSql(licenseId, now)} AS n`;
  return rows[0]!.n;
}

/**
 * seatHoldingWhere's rule as SQL, for raw statements that count seats beside other work (one round
 * trip). `licenseId` and `now` are values, or SQL expressions over the enclosing statement; `except`,
 * a condition over the counted row `held`, leaves out rows the enclosing statement is changing.
 * The rule's two halves are counted apart so each reads its own partial index (active seats; seats in
 * a cooldown): one count over both scans every row the license ever had, and a floating license
 * accumulates a row per lease.
 */
export function seatsInUseSql(licenseId: string | Prisma.Sql, now: Date | Prisma.Sql, except?: Prisma.Sql): Prisma.Sql {
  const unless = except ? Prisma.sql` AND NOT (${except})` : Prisma.empty;
  return Prisma.sql`((SELECT count(*)::int FROM "Activation" held
      WHERE held."licenseId" = ${licenseId} AND held."deactivatedAt" IS NULL
        AND (held."leaseExpiresAt" IS NULL OR held."leaseExpiresAt" > ${now})${unless})
    + (SELECT count(*)::int FROM "Activation" held
      WHERE held."licenseId" = ${licenseId} AND held."deactivatedAt" IS NOT NULL AND held."seatFreedAt" IS NOT NULL
        AND held."seatFreedAt" > ${now}${unless}))`;
}
