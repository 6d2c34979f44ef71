import "server-only";
import { db } from "../db";
import { batcher } from "../db/batcher";
import { newId } from "../db/new-id";
import { isWriteConflict } from "../db/write-conflict";
import { eventCtes } from "../events/insert-events";
import { eventRow, type TContext, type TEventInput } from "../events/record-event";
import { Prisma, type Activation, type LicenseStatus } from "../generated/prisma/client";
import { activationColumns } from "./activation-columns";
import type { TLicenseWithPolicy } from "./find-license";
import type { TNewSeat } from "./insert-seat";
import { licenseDigestSql } from "./license-cache";

type TQuickSeatFields = Omit<TNewSeat, "overage" | "tokenKeyId" | "userId">;

export type TQuickSeat = {
  activation: Activation;
  consumed: number | null;
  used: number;
  /** The license with the fields read under the lock. */
  current: TLicenseWithPolicy;
};

/**
 * For a license taken from the cache unchecked: the statement also reads the digest of the license
 * with this key, and takes a seat only where it still matches (the license is as cached).
 */
export type TVerify = { key: string; digest: string };

/** Nothing was written, and the cached license could not be confirmed as current: read it again. */
export const STALE = "stale";

type TAsk = {
  license: TLicenseWithPolicy;
  seat: TQuickSeatFields;
  event: (activationId: string) => TEventInput;
  ctx: TContext & { now: Date };
  verify?: TVerify;
};

/**
 * The usual activation, a new device taking a free seat (or a free floating lease), in ONE autocommit statement instead of a
 * transaction, shared by the activations of the same event-loop turn. The migration's
 * seatwise_lock_seats() locks each license row (the same lock the transactional path takes) and
 * counts its seats with a fresh snapshot, and the statement inserts a seat only where the license is
 * usable, the device holds no seat on it or on a sibling license, and a seat below the limit is free:
 * the row, its event and webhook deliveries, and its count in the open billing period.
 *
 * Anything else returns null and nothing is written for it: the caller takes its transactional path,
 * which decides and explains (re-activation, goodwill, refusals, moves). So does a second activation
 * of a license already in the batch (its count could not see the first one's seat), and every
 * activation of a batch that lost a deadlock. The caller sends only plain activations here: no
 * evaluation, token key, user or administrator email. A device whose lease ran out holds a row
 * still: the transaction releases it and leases anew.
 *
 * With `verify`, null means more: the license is as cached, so the caller's transaction may use it.
 * Where that was not confirmed (its digest changed, or the call fell out of the batch) the answer is
 * STALE instead, and the caller must look the license up again.
 */
export function takeQuickSeat(
  license: TLicenseWithPolicy,
  seat: TQuickSeatFields,
  event: (activationId: string) => TEventInput,
  ctx: TContext & { now: Date },
  verify?: TVerify,
): Promise<TQuickSeat | null | typeof STALE> {
  return takeBatched({ license, seat, event, ctx, verify });
}

type TRow = Partial<Activation> & {
  __i: bigint | number;
  __status: LicenseStatus;
  __seats: number | null;
  __expiresAt: Date | null;
  __currentPeriodId: string | null;
  __seatAlertThreshold: number | null;
  __used: number;
  __consumed: number | null;
  __digest: string | null;
};

const takeBatched = batcher(async (asks: TAsk[]): Promise<(TQuickSeat | null | typeof STALE)[]> => {
  const declined = (a: TAsk) => (a.verify ? STALE : null);
  const seen = new Set<string>();
  const batch = asks.filter((a) => !seen.has(a.license.id) && seen.add(a.license.id));
  const ids = batch.map(() => newId());
  const events = batch.map((a, i) => eventRow(a.ctx, a.event(ids[i]!)));
  const col = <T,>(pick: (a: TAsk, i: number) => T) => batch.map(pick);
  const text = (pick: (a: TAsk, i: number) => string | null | undefined) => col((a, i) => pick(a, i) ?? null);
  let rows: TRow[];
  try {
    rows = await db.$queryRaw<TRow[]>`
      WITH input AS (
        SELECT * FROM unnest(${text((_, i) => ids[i])}::text[], ${text((a) => a.license.id)}::text[], ${text((a) => a.seat.fingerprint)}::text[],
          ${col((a) => a.license.policy.seats)}::int[], ${text((a) => a.license.organizationId)}::text[], ${text((a) => a.license.policy.productId)}::text[],
          ${text((a) => a.ctx.now.toISOString())}::text[], ${text((a) => a.seat.friendlyName)}::text[], ${text((a) => a.seat.hostname)}::text[],
          ${text((a) => a.seat.platform)}::text[], ${text((a) => a.seat.appVersion)}::text[], ${text((a) => a.seat.ip)}::text[],
          ${text((a) => a.seat.leaseExpiresAt?.toISOString())}::text[], ${text((a) => a.verify?.key)}::text[], ${text((a) => a.verify?.digest)}::text[])
          WITH ORDINALITY AS u("id", "licenseId", "fingerprint", "policySeats", "organizationId", "productId", "now", "friendlyName", "hostname",
            "platform", "appVersion", "ip", "leaseExpiresAt", "key", "digest", "i")
      ),
      -- Read in the statement's snapshot, before the lock: the fields a seat depends on that can change
      -- (status, seats, expiry, period) are read again under the lock below.
      fresh AS (SELECT input."i", d."digest" FROM input JOIN LATERAL (${licenseDigestSql(Prisma.sql`input."key"`)}) d ON true),
      -- Licenses are locked in id order (each call of the function in turn), so batches in flight at
      -- the same time can't deadlock each other.
      state AS MATERIALIZED (
        SELECT input."i", s.* FROM (SELECT * FROM input ORDER BY "licenseId") input
        CROSS JOIN LATERAL "seatwise_lock_seats"(input."licenseId", input."fingerprint", input."now"::timestamptz) s
      ),
      allowed AS (
        SELECT input.*, state."currentPeriodId" FROM state JOIN input ON input."i" = state."i"
        LEFT JOIN fresh ON fresh."i" = input."i"
        WHERE (input."digest" IS NULL OR input."digest" = fresh."digest")
          AND state."status" = 'ACTIVE' AND (state."expiresAt" IS NULL OR state."expiresAt" > input."now"::timestamptz)
          AND state."existingId" IS NULL AND state."used" < coalesce(state."seats", input."policySeats")
          -- A device on a sibling license of the organization's product moves: the transaction does that.
          AND (input."organizationId" IS NULL OR NOT EXISTS (
            SELECT 1 FROM "Activation" a JOIN "License" l ON l."id" = a."licenseId" JOIN "Policy" p ON p."id" = l."policyId"
            WHERE a."fingerprint" = input."fingerprint" AND a."deactivatedAt" IS NULL AND a."licenseId" <> input."licenseId"
              AND l."organizationId" = input."organizationId" AND p."productId" = input."productId"))
      ),
      seat AS (
        INSERT INTO "Activation" ("id", "licenseId", "fingerprint", "friendlyName", "hostname", "platform", "appVersion", "ip", "userId",
          "tokenKeyId", "overage", "leaseExpiresAt", "createdAt", "lastSeenAt", "lastPeriodId")
        SELECT "id", "licenseId", "fingerprint", "friendlyName", "hostname", "platform", "appVersion", "ip", NULL, NULL, false,
          "leaseExpiresAt"::timestamptz, "now"::timestamptz, "now"::timestamptz, "currentPeriodId"
        FROM allowed
        RETURNING ${activationColumns()}
      ),
      usage AS (
        INSERT INTO "PeriodUsage" ("periodId", "activationId", "firstSeenAt")
        SELECT "lastPeriodId", "id", "createdAt" FROM seat WHERE "lastPeriodId" IS NOT NULL
      ),
      -- One license per batch, so one seat per period: the counter goes up by one.
      period AS (
        UPDATE "BillingPeriod" bp SET "seatsConsumed" = bp."seatsConsumed" + 1 FROM seat
        WHERE bp."id" = seat."lastPeriodId" RETURNING bp."id", bp."seatsConsumed", bp."seatAlertSentAt"
      ),
      ${eventCtes(events, Prisma.sql`event_input."activationId" IN (SELECT "id" FROM seat)`)}
      SELECT state."i" AS "__i", state."status" AS "__status", state."seats" AS "__seats", state."expiresAt" AS "__expiresAt",
        state."currentPeriodId" AS "__currentPeriodId", state."seatAlertThreshold" AS "__seatAlertThreshold", state."used" AS "__used",
        -- Only a period whose seat alert has not gone out yet needs its count (the alert is sent once).
        (SELECT p."seatsConsumed" FROM period p WHERE p."id" = seat."lastPeriodId" AND p."seatAlertSentAt" IS NULL) AS "__consumed",
        fresh."digest" AS "__digest", seat.*
      FROM state JOIN input ON input."i" = state."i" LEFT JOIN fresh ON fresh."i" = input."i" LEFT JOIN seat ON seat."id" = input."id"`;
  } catch (error) {
    // Two statements locking licenses in different orders: PostgreSQL aborted this one. Nothing of it
    // was written; each activation takes the transactional path instead.
    if (isWriteConflict(error)) return asks.map(declined);
    throw error;
  }
  const byLicense = new Map<string, TQuickSeat | null | typeof STALE>();
  for (const row of rows) {
    const { __i, __status, __seats, __expiresAt, __currentPeriodId, __seatAlertThreshold, __used, __consumed, __digest, ...seat } = row;
    const ask = batch[Number(__i) - 1]!;
    if (!seat.id) {
      byLicense.set(ask.license.id, ask.verify && ask.verify.digest !== __digest ? STALE : null);
      continue;
    }
    byLicense.set(ask.license.id, {
      activation: seat as Activation,
      consumed: __consumed,
      used: __used + 1,
      current: { ...ask.license, status: __status, seats: __seats, expiresAt: __expiresAt, currentPeriodId: __currentPeriodId, seatAlertThreshold: __seatAlertThreshold },
    });
  }
  // Only the call that went into the batch gets its license's seat; a second one falls back.
  return asks.map((a) => (batch.includes(a) && byLicense.has(a.license.id) ? byLicense.get(a.license.id)! : declined(a)));
});
