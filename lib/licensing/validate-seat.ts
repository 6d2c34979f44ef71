import "server-only";
import { recordSeatUsage } from "../billing/record-seat-usage";
import { alertIfSeatThresholdReached } from "../billing/seat-alert";
import { db } from "../db";
import type { TContext } from "../events/record-event";
import type { TLicenseWithPolicy } from "./find-license";
import { findSeatAndCount } from "./find-seat";
import { lookUpSeat, type TSeatLookupAhead } from "./look-up-seat";
import { licenseProblem } from "./license-rules";
import type { TValidateInput } from "./schemas";
import { activationStatus, serializeActivation, serializeLicense } from "./serialize";
import { findRemoteDeactivation } from "../rules/find-remote-deactivation";
import { checkInDueAt, isCheckInOverdue, missingEntitlements } from "../rules/rule-settings";

export type TValidationCode =
  | "VALID"
  | "NOT_FOUND"
  | "SUSPENDED"
  | "EXPIRED"
  | "NOT_ACTIVATED"
  | "DEACTIVATED"
  | "LEASE_EXPIRED"
  | "CHECK_IN_OVERDUE"
  | "ENTITLEMENTS_MISSING";

export type TValidationResult = {
  valid: boolean;
  code: TValidationCode;
  detail: string;
  nonce?: string;
  /** ENTITLEMENTS_MISSING: the requested codes the license does not grant. */
  missingEntitlements?: string[];
  /** With a check-in rule: when the device must heartbeat next (validate itself is not a check-in). */
  checkInDueAt?: string;
  license?: ReturnType<typeof serializeLicense>;
  activation?: ReturnType<typeof serializeActivation>;
};

const DETAIL: Record<TValidationCode, string> = {
  VALID: "The license is valid",
  NOT_FOUND: "No license has this key",
  SUSPENDED: "The license is suspended",
  EXPIRED: "The license has expired",
  NOT_ACTIVATED: "This device holds no seat on the license",
  DEACTIVATED: "The seat of this device was deactivated by an administrator",
  LEASE_EXPIRED: "The lease of this device has expired",
  CHECK_IN_OVERDUE: "This device has not checked in within the license's check-in interval; send a heartbeat",
  ENTITLEMENTS_MISSING: "The license does not include every requested entitlement",
};

/** Validation always answers 200 with a machine-readable code: an invalid license is an answer, not an error. */
export async function validateSeat(input: TValidateInput, ctx: TContext, ahead?: TSeatLookupAhead): Promise<TValidationResult> {
  const lookup = lookUpSeat(input, ctx.now, ahead);
  const now = lookup.now;
  const found = await lookup.found;
  if (!found) return result("NOT_FOUND", input.nonce);
  const { license, ...seat } = found;
  return validateLicenseSeat(license, input.fingerprint, { ...ctx, now }, input.nonce, { entitlements: input.entitlements, seat });
}

export async function validateLicenseSeat(
  license: TLicenseWithPolicy,
  fingerprint: string | undefined,
  ctx: TContext,
  nonce?: string,
  options: { userId?: string; entitlements?: string[]; seat?: Awaited<ReturnType<typeof findSeatAndCount>> } = {},
): Promise<TValidationResult> {
  const now = ctx.now ?? new Date();
  const { activation, used } = options.seat ?? (await findSeatAndCount(license.id, fingerprint, now, options.userId));
  const body = {
    license: serializeLicense(license, used, now),
    ...(activation ? { activation: serializeActivation(activation, now) } : {}),
  };
  const problem = licenseProblem(license, now);
  if (problem) return { ...result(problem, nonce), ...body };
  if (fingerprint && !activation) {
    const remote = await findRemoteDeactivation(license.id, fingerprint);
    if (remote) return { ...result("DEACTIVATED", nonce), ...body, activation: serializeActivation(remote, now) };
    return { ...result("NOT_ACTIVATED", nonce), ...body };
  }
  if (activation && activationStatus(activation, now) === "LEASE_EXPIRED") return { ...result("LEASE_EXPIRED", nonce), ...body };
  const due = activation ? checkInDueAt(license, activation.lastSeenAt) : null;
  const checkIn = due ? { checkInDueAt: due.toISOString() } : {};
  if (activation && isCheckInOverdue(license, activation.lastSeenAt, now)) {
    return { ...result("CHECK_IN_OVERDUE", nonce), ...checkIn, ...body };
  }
  const missing = missingEntitlements(license, options.entitlements ?? []);
  if (missing.length > 0) return { ...result("ENTITLEMENTS_MISSING", nonce), missingEntitlements: missing, ...body };
  if (activation) {
    const consumed = await recordSeatUsage(db, license, activation, now);
    await alertIfSeatThresholdReached(license, license.currentPeriodId, consumed, { ...ctx, now });
  }
  return { ...result("VALID", nonce), ...checkIn, ...body };
}

function result(code: TValidationCode, nonce?: string): TValidationResult {
  return { valid: code === "VALID", code, detail: DETAIL[code], ...(nonce !== undefined ? { nonce } : {}) };
}
