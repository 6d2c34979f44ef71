import "server-only";
import { db, type TDbOrTx } from "../db";
import { batcher } from "../db/batcher";
import { Prisma, type Activation } from "../generated/prisma/client";
import { normalizeLicenseKey } from "../crypto/tokens";
import { activationColumns } from "./activation-columns";
import { seatsInUseSql } from "./count-seats";
import { licenseFor } from "./find-cached-license";
import { findLicenseByKey } from "./find-license";
import { licenseDigestSql } from "./license-cache";
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

/** The device's latest row on the license, active rows first (findSeatOrExpiredLease's order). */
function latestSeatSql(licenseId: string | Prisma.Sql, fingerprint: string | Prisma.Sql | undefined, userId?: string): Prisma.Sql {
  if (fingerprint === undefined || fingerprint === "") return Prisma.sql`SELECT ${activationColumns("a")} FROM "Activation" a WHERE false`;
  return Prisma.sql`SELECT ${activationColumns("a")} FROM "Activation" a
    WHERE a."licenseId" = ${licenseId} AND a."fingerprint" = ${fingerprint} ${userId ? Prisma.sql`AND a."userId" = ${userId}` : Prisma.empty}
    ORDER BY (a."deactivatedAt" IS NULL) DESC, a."createdAt" DESC, a."id" DESC LIMIT 1`;
}

type TSeatRow = Activation & { __seatsInUse: number };

// Like findSeatOrExpiredLease: an ended seat only counts when its lease ran out (not a release).
function seatFrom(row: Partial<Activation>): Activation | null {
  const found = row.id ? (row as Activation) : null;
  return found && (found.deactivatedAt === null || found.deactivatedBy === LEASE_EXPIRED_BY) ? found : null;
}

/**
 * Validate's read in one round trip: the device's seat (as findSeatOrExpiredLease picks it) and the
 * license's seats in use at `now` (as countSeatsInUse counts them). Validate runs on every app start
 * and check, so it is the busiest query shape Seatwise has.
 */
export async function findSeatAndCount(licenseId: string, fingerprint: string | undefined, now: Date, userId?: string, client: TDbOrTx = db) {
  const rows = await client.$queryRaw<TSeatRow[]>`
    SELECT s.*, c.n AS "__seatsInUse"
    FROM (SELECT ${seatsInUseSql(licenseId, now)} AS n) c
    LEFT JOIN LATERAL (${latestSeatSql(licenseId, fingerprint, userId)}) s ON true`;
  const { __seatsInUse: used, ...row } = rows[0]!;
  return { activation: seatFrom(row), used };
}

/**
 * findLicenseByKey and findSeatAndCount in one round trip when this instance has the license cached
 * and unchanged (the statement returns the license rows' digest beside the seat and the count), and
 * in two otherwise. Null when no license has this key; token keys take the two-query path. Lookups
 * made in the same event-loop turn (concurrent validations) share one statement.
 */
export async function findLicenseSeatAndCount(rawKey: string, fingerprint: string | undefined, now: Date) {
  const key = normalizeLicenseKey(rawKey);
  if (!key) return null;
  const found = await lookupBatched({ key, fingerprint, now });
  if (!found) {
    const license = await findLicenseByKey(key);
    return license ? { license, ...(await findSeatAndCount(license.id, fingerprint, now)) } : null;
  }
  const { __licenseId: id, __digest: digest, __hasActivationPassword: hasActivationPassword, __seatsInUse: used, ...row } = found;
  const license = await licenseFor(key, { id, digest, hasActivationPassword });
  return license ? { license, activation: seatFrom(row), used } : null;
}

type TLookup = { key: string; fingerprint: string | undefined; now: Date };
type TLookupRow = TSeatRow & { __licenseId: string; __digest: string; __hasActivationPassword: boolean; __i: bigint | number };

const lookupBatched = batcher(async (lookups: TLookup[]): Promise<(TLookupRow | null)[]> => {
  const keys = lookups.map((l) => l.key);
  const fingerprints = lookups.map((l) => l.fingerprint ?? null);
  const nows = lookups.map((l) => l.now.toISOString());
  const rows = await db.$queryRaw<TLookupRow[]>`
    WITH input AS (SELECT * FROM unnest(${keys}::text[], ${fingerprints}::text[], ${nows}::text[]) WITH ORDINALITY AS u("key", "fp", "now", "i"))
    SELECT s.*, input."i" AS "__i", lic."id" AS "__licenseId", lic."digest" AS "__digest", lic."hasActivationPassword" AS "__hasActivationPassword",
      ${seatsInUseSql(Prisma.sql`lic."id"`, Prisma.sql`input."now"::timestamptz`)} AS "__seatsInUse"
    FROM input
    JOIN LATERAL (${licenseDigestSql(Prisma.sql`input."key"`)}) lic ON true
    LEFT JOIN LATERAL (${latestSeatSql(Prisma.sql`lic."id"`, Prisma.sql`input."fp"`)}) s ON true`;
  const byIndex = new Map(rows.map((row) => [Number(row.__i), row]));
  return lookups.map((_, i) => {
    const row = byIndex.get(i + 1);
    if (!row) return null;
    const { __i: _index, ...rest } = row;
    return rest as TLookupRow;
  });
});

/**
 * Activation's read under the license lock, in one round trip: the device's active seat, if any, and
 * the seats in use at `now`. Must run after the lock is taken (a separate statement): a statement that
 * waited for the lock would count from a snapshot taken before the seats the lock holder inserted.
 */
export async function findActiveSeatAndCount(tx: TDbOrTx, licenseId: string, fingerprint: string, now: Date) {
  const rows = await tx.$queryRaw<TSeatRow[]>`
    SELECT s.*, c.n AS "__seatsInUse"
    FROM (SELECT ${seatsInUseSql(licenseId, now)} AS n) c
    LEFT JOIN LATERAL (
      SELECT ${activationColumns("a")} FROM "Activation" a
      WHERE a."licenseId" = ${licenseId} AND a."fingerprint" = ${fingerprint} AND a."deactivatedAt" IS NULL
      ORDER BY a."createdAt" DESC, a."id" DESC LIMIT 1
    ) s ON true`;
  const { __seatsInUse: used, ...row } = rows[0]!;
  return { existing: row.id ? (row as Activation) : null, used };
}
