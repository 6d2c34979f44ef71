import "server-only";
import { db, type TDbOrTx } from "../db";
import { Prisma, type Activation } from "../generated/prisma/client";
import { seatsInUseSql } from "./count-seats";
import { LEASE_EXPIRED_BY } from "./lease-rules";

/** The device's current (not deactivated) activation on the license, if it has one (and, given a user, if it is theirs). */
export function findActiveSeat(licenseId: string, fingerprint: string, client: TDbOrTx = db, userId?: string) {
  return client.activation.findFirst({
    where: { licenseId, fingerprint, deactivatedAt: null, ...(userId ? { userId } : {}) },
    orderBy: { createdAt: "desc" },
  });
}

/**
 * The device's active seat, or else its latest row when that row ended because its lease ran out.
 * Lets validate and heartbeat answer the same for an expired lease whether or not the reclaim job
 * has already marked it released (a release by the user or staff is not an expiry).
 */
export async function findSeatOrExpiredLease(licenseId: string, fingerprint: string, client: TDbOrTx = db, userId?: string) {
  const active = await findActiveSeat(licenseId, fingerprint, client, userId);
  if (active) return active;
  const latest = await client.activation.findFirst({
    where: { licenseId, fingerprint, ...(userId ? { userId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return latest?.deactivatedBy === LEASE_EXPIRED_BY ? latest : null;
}

/**
 * Validate's read in one round trip: the device's seat (as findSeatOrExpiredLease picks it) and the
 * license's seats in use at `now` (as countSeatsInUse counts them). Validate runs on every app start
 * and check, so it is the busiest query shape Seatwise has.
 */
export async function findSeatAndCount(licenseId: string, fingerprint: string | undefined, now: Date, userId?: string, client: TDbOrTx = db) {
  const seat = fingerprint
    ? Prisma.sql`SELECT a.* FROM "Activation" a
        WHERE a."licenseId" = ${licenseId} AND a."fingerprint" = ${fingerprint} ${userId ? Prisma.sql`AND a."userId" = ${userId}` : Prisma.empty}
        ORDER BY (a."deactivatedAt" IS NULL) DESC, a."createdAt" DESC, a."id" DESC LIMIT 1`
    : Prisma.sql`SELECT a.* FROM "Activation" a WHERE false`;
  const rows = await client.$queryRaw<(Activation & { __seatsInUse: number })[]>`
    SELECT s.*, c.n AS "__seatsInUse"
    FROM (SELECT ${seatsInUseSql(licenseId, now)} AS n) c
    LEFT JOIN LATERAL (${seat}) s ON true`;
  const { __seatsInUse: used, ...row } = rows[0]!;
  const found = row.id ? (row as Activation) : null;
  // Like findSeatOrExpiredLease: an ended seat only counts when its lease ran out (not a release).
  const activation = found && (found.deactivatedAt === null || found.deactivatedBy === LEASE_EXPIRED_BY) ? found : null;
  return { activation, used };
}
