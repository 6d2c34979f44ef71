import "server-only";
import { recordSeatUsage } from "../billing/record-seat-usage";
import { alertIfSeatThresholdReached } from "../billing/seat-alert";
import { db } from "../db";
import type { TContext } from "../events/record-event";
import { countSeatsInUse } from "./count-seats";
import { findLicenseByKey, type TLicenseWithPolicy } from "./find-license";
import { findSeatOrExpiredLease } from "./find-seat";
import { licenseProblem } from "./license-rules";
import type { TValidateInput } from "./schemas";
import { activationStatus, serializeActivation, serializeLicense } from "./serialize";

export type TValidationCode = "VALID" | "NOT_FOUND" | "SUSPENDED" | "EXPIRED" | "NOT_ACTIVATED" | "LEASE_EXPIRED";

export type TValidationResult = {
  valid: boolean;
  code: TValidationCode;
  detail: string;
  nonce?: string;
  license?: ReturnType<typeof serializeLicense>;
  activation?: ReturnType<typeof serializeActivation>;
};

const DETAIL: Record<TValidationCode, string> = {
  VALID: "The license is valid",
  NOT_FOUND: "No license has this key",
  SUSPENDED: "The license is suspended",
  EXPIRED: "The license has expired",
  NOT_ACTIVATED: "This device holds no seat on the license",
  LEASE_EXPIRED: "The lease of this device has expired",
};

/** Validation always answers 200 with a machine-readable code: an invalid license is an answer, not an error. */
export async function validateSeat(input: TValidateInput, ctx: TContext): Promise<TValidationResult> {
  const license = await findLicenseByKey(input.key);
  if (!license) return result("NOT_FOUND", input.nonce);
  return validateLicenseSeat(license, input.fingerprint, ctx, input.nonce);
}

export async function validateLicenseSeat(
  license: TLicenseWithPolicy,
  fingerprint: string | undefined,
  ctx: TContext,
  nonce?: string,
): Promise<TValidationResult> {
  const now = ctx.now ?? new Date();
  const [activation, used] = await Promise.all([
    fingerprint ? findSeatOrExpiredLease(license.id, fingerprint) : null,
    countSeatsInUse(db, license.id, now),
  ]);
  const body = {
    license: serializeLicense(license, used, now),
    ...(activation ? { activation: serializeActivation(activation, now) } : {}),
  };
  const problem = licenseProblem(license, now);
  if (problem) return { ...result(problem, nonce), ...body };
  if (fingerprint && !activation) return { ...result("NOT_ACTIVATED", nonce), ...body };
  if (activation && activationStatus(activation, now) === "LEASE_EXPIRED") return { ...result("LEASE_EXPIRED", nonce), ...body };
  if (activation) {
    const consumed = await recordSeatUsage(db, license, activation, now);
    await alertIfSeatThresholdReached(license, license.currentPeriodId, consumed, { ...ctx, now });
  }
  return { ...result("VALID", nonce), ...body };
}

function result(code: TValidationCode, nonce?: string): TValidationResult {
  return { valid: code === "VALID", code, detail: DETAIL[code], ...(nonce !== undefined ? { nonce } : {}) };
}
