import "server-only";
import { db } from "../db";
import type { TContext, TEventInput } from "../events/record-event";
import { Prisma, type Activation, type LicenseStatus } from "../generated/prisma/client";
import { movableSeatsSql } from "../rules/move-device";
import type { TLicenseWithPolicy } from "./find-license";
import { insertSeatIf, type TNewSeat } from "./insert-seat";

type TLockedState = {
  status: LicenseStatus;
  seats: number | null;
  expiresAt: Date | null;
  currentPeriodId: string | null;
  seatAlertThreshold: number | null;
  existingId: string | null;
  used: number;
};

export type TQuickSeat = {
  activation: Activation;
  consumed: number | null;
  used: number;
  /** The license with the fields read under the lock. */
  current: TLicenseWithPolicy;
};

/**
 * The usual activation, a new device taking a free seat, in ONE autocommit statement instead of a
 * transaction of five: the migration's seatwise_lock_seats() locks the license row (the same lock the
 * transactional path takes) and counts its seats with a fresh snapshot, and insertSeat's statement
 * inserts only when the license is usable, the device holds no seat here or on a sibling license,
 * and a seat below the limit is free. Anything else returns null and nothing is written: the caller
 * takes its transactional path, which decides and explains (re-activation, goodwill, refusals,
 * moves). The caller sends only plain node-locked activations here: no evaluation, token key, user
 * or administrator email.
 */
export async function takeQuickSeat(
  license: TLicenseWithPolicy,
  seat: Omit<TNewSeat, "overage" | "leaseExpiresAt" | "tokenKeyId" | "userId">,
  event: (activationId: string) => TEventInput,
  ctx: TContext & { now: Date },
): Promise<TQuickSeat | null> {
  const { now } = ctx;
  const guard = {
    state: Prisma.sql`SELECT * FROM "seatwise_lock_seats"(${license.id}, ${seat.fingerprint}, ${now}::timestamptz)`,
    allow: Prisma.sql`state."status" = 'ACTIVE' AND (state."expiresAt" IS NULL OR state."expiresAt" > ${now}::timestamptz)
      AND state."existingId" IS NULL AND state."used" < coalesce(state."seats", ${license.policy.seats}::int)
      AND json_array_length(${movableSeatsSql(license, seat.fingerprint)}) = 0`,
  };
  const full = { ...seat, overage: false, leaseExpiresAt: null, tokenKeyId: null, userId: null };
  const { activation, consumed, state } = await insertSeatIf<TLockedState>(db, license, full, (id) => [event(id)], ctx, { guard });
  if (!activation || !state) return null;
  const { existingId: _existing, used, ...locked } = state;
  return { activation, consumed, used: used + 1, current: { ...license, ...locked } };
}
