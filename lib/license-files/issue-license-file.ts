import "server-only";
import { ApiError } from "../api/errors";
import { db } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import { activateLicenseSeat, type TActivateResult, type TDevice } from "../licensing/activate-seat";
import { findLicenseByKey, type TLicenseWithPolicy } from "../licensing/find-license";
import { lookUpSeat, type TSeatLookupAhead } from "../licensing/look-up-seat";
import { licenseProblem } from "../licensing/license-rules";
import { activationStatus, type TActivationDto } from "../licensing/serialize";
import { buildLicenseFile } from "./build-license-file";

export type TIssuedLicenseFile = { licenseFile: string; activationId: string; fingerprint: string };

function refusal(problem: "SUSPENDED" | "EXPIRED"): ApiError {
  return problem === "SUSPENDED"
    ? new ApiError("LICENSE_SUSPENDED", "This license is suspended")
    : new ApiError("LICENSE_EXPIRED", "This license has expired");
}

function seatFromDto(activation: TActivationDto) {
  return {
    id: activation.id,
    fingerprint: activation.fingerprint,
    leaseExpiresAt: activation.leaseExpiresAt ? new Date(activation.leaseExpiresAt) : null,
  };
}

async function recordIssued(license: TLicenseWithPolicy, activationId: string, ctx: TContext, now: Date, via: string) {
  await recordEvent(db, { ...ctx, now }, {
    action: "license_file.issued",
    licenseId: license.id,
    activationId,
    organizationId: license.organizationId,
    data: { via },
  });
}

/** POST /api/v1/license-files: a fresh file for a device that already holds a seat; never takes a seat. */
export async function issueLicenseFileForSeat(
  input: { key: string; fingerprint: string },
  ctx: TContext,
  ahead?: TSeatLookupAhead,
): Promise<TIssuedLicenseFile> {
  // validate's lookup (one statement, shared by concurrent calls): the license and the device's seat.
  const lookup = lookUpSeat(input, ctx.now, ahead);
  const now = lookup.now;
  const found = await lookup.found;
  if (!found) throw new ApiError("LICENSE_NOT_FOUND", "No license has this key");
  const { license, activation } = found;
  const problem = licenseProblem(license, now);
  if (problem) throw refusal(problem);
  if (!activation || activationStatus(activation, now) !== "ACTIVE") {
    throw new ApiError("ACTIVATION_NOT_FOUND", "This device holds no seat on the license: activate it first");
  }
  const licenseFile = await buildLicenseFile(license, activation, now);
  await recordIssued(license, activation.id, ctx, now, "api");
  return { licenseFile, activationId: activation.id, fingerprint: activation.fingerprint };
}

/** The file that goes with an activation answer (the seat was just taken or confirmed). */
export async function licenseFileForActivation(result: Pick<TActivateResult, "record" | "activation">, now = new Date()): Promise<string> {
  return buildLicenseFile(result.record, seatFromDto(result.activation), now);
}

/**
 * Activation form and console: takes the seat if the machine has none yet (same rules and refusals as
 * POST /api/v1/activations), then signs a file for it.
 */
export async function activateAndIssueLicenseFile(
  license: TLicenseWithPolicy,
  device: TDevice,
  ctx: TContext,
  via: "form" | "console",
): Promise<TIssuedLicenseFile & { created: boolean }> {
  const now = ctx.now ?? new Date();
  const result = await activateLicenseSeat(license, device, { ...ctx, now });
  const licenseFile = await buildLicenseFile(license, seatFromDto(result.activation), now);
  await recordIssued(license, result.activation.id, ctx, now, via);
  return { licenseFile, activationId: result.activation.id, fingerprint: result.activation.fingerprint, created: result.created };
}

export async function activateKeyAndIssueLicenseFile(key: string, device: TDevice, ctx: TContext, via: "form" | "console") {
  const license = await findLicenseByKey(key);
  if (!license) throw new ApiError("LICENSE_NOT_FOUND", "No license has this key");
  return activateAndIssueLicenseFile(license, device, ctx, via);
}
