import "server-only";
import { ApiError } from "../api/errors";
import { recordSeatUsage } from "../billing/record-seat-usage";
import { alertIfSeatThresholdReached } from "../billing/seat-alert";
import { db, TX_OPTIONS, type TTx } from "../db";
import type { TContext, TEventInput } from "../events/record-event";
import { seatHoldingWhere } from "./count-seats";
import { findCachedLicenseByKey, peekLicenseInGoodStanding } from "./find-cached-license";
import type { TLicenseWithPolicy } from "./find-license";
import { findActiveSeatAndCount } from "./find-seat";
import { insertSeat } from "./insert-seat";
import { countCacheHit } from "./license-cache";
import { STALE, takeQuickSeat, type TVerify } from "./take-quick-seat";
import { checkoutLease, leaseCreatedEvent } from "./lease-seat";
import { isFloating, leaseEnd } from "./lease-rules";
import { licenseProblem, seatLimit } from "./license-rules";
import type { TActivateInput } from "./schemas";
import { serializeActivation, serializeLicense } from "./serialize";
import { recordActivationRefusal } from "../notifications/lease-denials";
import { assignLicenseAdministrator } from "../rules/assign-license-admin";
import { checkActivationPassword } from "../rules/check-activation-password";
import { assertTokenKeyFree, claimTokenKey } from "../rules/claim-token-key";
import { moveDeviceSeats } from "../rules/move-device";
import { notifyGoodwillUsed } from "../rules/notify-goodwill";
import { goodwillSeats, isEvaluation } from "../rules/rule-settings";
import { assertEvaluationUnused, startEvaluationClock } from "../rules/start-evaluation";

export type TDevice = Omit<TActivateInput, "key" | "activationPassword" | "email">;

export type TActivateResult = {
  created: boolean;
  /** True when this seat is one of the license's goodwill seats (beyond its limit). */
  overage: boolean;
  activation: ReturnType<typeof serializeActivation>;
  license: ReturnType<typeof serializeLicense>;
  /** The license row the answer was built from (read under the lock): for the license file, not the JSON. */
  record: TLicenseWithPolicy;
};

export async function activateSeat(input: TActivateInput, ctx: TContext): Promise<TActivateResult> {
  const { key: rawKey, activationPassword, email, ...device } = input;
  const cached = await activateCachedLicense(rawKey, device, ctx, email);
  if (cached) return cached;
  const found = await findCachedLicenseByKey(rawKey);
  if (!found) throw new ApiError("LICENSE_NOT_FOUND", "No license has this key");
  const { license } = found;
  await checkActivationPassword(license.id, device.fingerprint, activationPassword, found.hasActivationPassword);
  return activateLicenseSeat(license, device, ctx, { tokenKeyId: license.tokenKeyId, email });
}

/** The cached license turned out to have changed: nothing was written, look it up again. */
class StaleLicense extends Error {}

/**
 * The usual activation in one round trip: when this instance has the license cached (no activation
 * password, in good standing, a plain activation), the seat statement itself checks that the license
 * rows still have the cached digest, instead of a lookup first. Null when that does not apply or the
 * license changed: then nothing was written, and the caller looks the license up as usual.
 */
async function activateCachedLicense(rawKey: string, device: TDevice, ctx: TContext, email: string | undefined) {
  const cached = peekLicenseInGoodStanding(rawKey, ctx.now ?? new Date());
  if (!cached || cached.entry.hasActivationPassword || !quickEligible(cached.entry.license, { email })) return null;
  const { key, entry } = cached;
  try {
    const result = await activateLicenseSeat(entry.license, device, ctx, { verify: { key, digest: entry.digest } });
    countCacheHit();
    return result;
  } catch (error) {
    if (error instanceof StaleLicense) return null;
    throw error;
  }
}

function refusalFor(problem: "SUSPENDED" | "EXPIRED"): ApiError {
  return problem === "SUSPENDED"
    ? new ApiError("LICENSE_SUSPENDED", "This license is suspended")
    : new ApiError("LICENSE_EXPIRED", "This license has expired");
}

/**
 * Takes a seat for the device, or returns the seat it already holds (activation is idempotent).
 * Exactness under concurrency comes from the database: the license row is locked FOR UPDATE
 * for the whole check-and-insert, so racing requests on any number of app instances queue up.
 * A plain new seat takes it in one statement (take-quick-seat.ts, same lock); everything else, or
 * anything that statement declines, goes through the transaction below.
 */
export async function activateLicenseSeat(
  license: TLicenseWithPolicy,
  device: TDevice,
  ctx: TContext,
  options: { userId?: string; tokenKeyId?: string; email?: string; verify?: TVerify } = {},
): Promise<TActivateResult> {
  const now = ctx.now ?? new Date();
  const problem = licenseProblem(license, now);
  try {
    if (problem) throw refusalFor(problem);
    const quick = quickEligible(license, options) ? await takeQuickSeat(...quickSeat(license, device, { ...ctx, now }, options.verify)) : null;
    // Confirmed or not, a license that changed is read again before anything else is decided with it.
    if (quick === STALE) throw new StaleLicense();
    const { activation, created, used, consumed, current } = quick
      ? { ...quick, created: true }
      : await db.$transaction(async (tx) => {
          const result = await takeSeat(tx);
          if (options.email) await assignLicenseAdministrator(tx, license, options.email, { ...ctx, now });
          return result;
        }, TX_OPTIONS);
    // After the commit, so the alert's own transaction can never roll back the activation.
    await alertIfSeatThresholdReached(current, current.currentPeriodId, consumed, { ...ctx, now });
    if (created && activation.overage) await notifyGoodwillUsed(license.id, current.currentPeriodId, { ...ctx, now });
    return {
      created,
      overage: activation.overage,
      activation: serializeActivation(activation, now),
      license: serializeLicense(current, used, now),
      record: current,
    };
  } catch (error) {
    if (error instanceof ApiError) {
      await recordActivationRefusal(license, { code: error.code, fingerprint: device.fingerprint }, { ...ctx, now });
    }
    throw error;
  }

  async function takeSeat(tx: TTx) {
    // currentPeriodId too: a renewal (which takes the same lock) may have opened a new period.
    const locked = await tx.$queryRaw<
      { status: "ACTIVE" | "SUSPENDED"; seats: number | null; expiresAt: Date | null; currentPeriodId: string | null; seatAlertThreshold: number | null }[]
    >`
      SELECT "status", "seats", "expiresAt", "currentPeriodId", "seatAlertThreshold" FROM "License" WHERE "id" = ${license.id} FOR UPDATE`;
    const current = { ...license, ...locked[0]! };
    const lockedProblem = licenseProblem(current, now);
    if (lockedProblem) throw refusalFor(lockedProblem);
    if (options.tokenKeyId) await assertTokenKeyFree(tx, options.tokenKeyId, device.fingerprint);
    if (isFloating(current)) {
      const outcome = await checkoutLease(tx, current, device, ctx, options);
      if (options.tokenKeyId) await claimTokenKey(tx, options.tokenKeyId, device.fingerprint, outcome.activation.id, now);
      return { ...outcome, current };
    }

    const { existing, used } = await findActiveSeatAndCount(tx, license.id, device.fingerprint, now);
    if (existing && options.userId && existing.userId && existing.userId !== options.userId) {
      throw new ApiError("CONFLICT", "Another user holds this device's seat: they or an admin must release it first");
    }
    if (existing) {
      const activation = await tx.activation.update({
        where: { id: existing.id },
        // A signed-in user on a machine activated by key takes the seat over as theirs.
        data: { ...deviceFields(device), lastSeenAt: now, ip: ctx.ip ?? existing.ip, ...(options.userId && !existing.userId ? { userId: options.userId } : {}) },
      });
      const consumed = await recordSeatUsage(tx, current, activation, now);
      // Touching a held seat changes no holdings: the count from before still answers.
      return { activation, created: false, used, consumed, current };
    }

    if (isEvaluation(current)) {
      await assertEvaluationUnused(tx, current, device.fingerprint);
      current.expiresAt = await startEvaluationClock(tx, current, now);
    }
    const limit = seatLimit(current);
    const goodwill = goodwillSeats(current);
    if (used >= limit + goodwill) {
      const message = goodwill > 0
        ? `All ${limit} seats and ${goodwill} goodwill seats of this license are in use`
        : `All ${limit} seats of this license are in use`;
      throw new ApiError("SEAT_LIMIT_REACHED", message, { details: { seats: { limit, used, goodwill } } });
    }
    const perUser = license.policy.maxActivationsPerUser;
    if (options.userId && perUser != null) {
      const mine = await tx.activation.count({ where: { ...seatHoldingWhere(license.id, now), userId: options.userId } });
      if (mine >= perUser) {
        throw new ApiError("USER_ACTIVATION_LIMIT", `You already use ${mine} of the ${perUser} devices allowed per user on this license`, {
          details: { perUser: { limit: perUser, used: mine } },
        });
      }
    }
    const overage = used >= limit;
    const seat = { ...newSeatFields(license, device, ctx), userId: options.userId ?? null, tokenKeyId: options.tokenKeyId ?? null, overage, leaseExpiresAt: null };
    const overageEvent = (activationId: string) => ({
      action: "activation.overage",
      licenseId: license.id,
      activationId,
      organizationId: license.organizationId,
      data: { fingerprint: device.fingerprint, limit, goodwill, used: used + 1 },
    });
    const { activation, consumed, movable } = await insertSeat(
      tx,
      current,
      seat,
      (id) => [createdEvent(license, device, id, options.tokenKeyId), ...(overage ? [overageEvent(id)] : [])],
      { ...ctx, now },
      { findMovable: true },
    );
    if (options.tokenKeyId) await claimTokenKey(tx, options.tokenKeyId, device.fingerprint, activation.id, now);
    if (movable.length > 0) await moveDeviceSeats(tx, current, movable, device.fingerprint, activation.id, { ...ctx, now });
    return { activation, created: true, used: used + 1, consumed, current };
  }
}

/**
 * The one-statement path (take-quick-seat.ts) serves plain activations: a new node-locked seat, or a
 * new floating lease. Evaluations, token keys, user seats and administrator emails need the
 * transaction's extra steps.
 */
function quickEligible(license: TLicenseWithPolicy, options: { userId?: string; tokenKeyId?: string; email?: string }): boolean {
  return !isEvaluation(license) && !options.userId && !options.tokenKeyId && !options.email;
}

/** What the one-statement path inserts: the seat (with its lease, on a floating license) and its event. */
function quickSeat(license: TLicenseWithPolicy, device: TDevice, ctx: TContext & { now: Date }, verify?: TVerify): Parameters<typeof takeQuickSeat> {
  const seat = newSeatFields(license, device, ctx);
  if (!isFloating(license)) return [license, { ...seat, leaseExpiresAt: null }, (id) => createdEvent(license, device, id), ctx, verify];
  const leaseExpiresAt = leaseEnd(license, ctx.now);
  return [license, { ...seat, leaseExpiresAt }, (id) => leaseCreatedEvent(license, device, id, leaseExpiresAt), ctx, verify];
}

function newSeatFields(license: TLicenseWithPolicy, device: TDevice, ctx: TContext) {
  return { licenseId: license.id, fingerprint: device.fingerprint, ...deviceFields(device), ip: ctx.ip ?? null };
}

function createdEvent(license: TLicenseWithPolicy, device: TDevice, activationId: string, tokenKeyId?: string): TEventInput {
  return {
    action: "activation.created",
    licenseId: license.id,
    activationId,
    organizationId: license.organizationId,
    data: { fingerprint: device.fingerprint, friendlyName: device.friendlyName ?? null, ...(tokenKeyId ? { tokenKeyId } : {}) },
  };
}

function deviceFields(device: TDevice) {
  // Only fields the client sent: a re-activation without a friendly name keeps the old one.
  const fields: Partial<Record<"friendlyName" | "hostname" | "platform" | "appVersion", string>> = {};
  for (const name of ["friendlyName", "hostname", "platform", "appVersion"] as const) {
    if (device[name] !== undefined) fields[name] = device[name];
  }
  return fields;
}
