import "server-only";
import { ApiError } from "../api/errors";
import { recordSeatUsage } from "../billing/record-seat-usage";
import { alertIfSeatThresholdReached } from "../billing/seat-alert";
import { db, TX_OPTIONS } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import type { Activation } from "../generated/prisma/client";
import { countSeatsInUse } from "./count-seats";
import { findLicenseByKey, type TLicenseWithPolicy } from "./find-license";
import { checkoutLease } from "./lease-seat";
import { isFloating } from "./lease-rules";
import { licenseProblem, seatLimit } from "./license-rules";
import type { TActivateInput } from "./schemas";
import { serializeActivation, serializeLicense } from "./serialize";

export type TDevice = Omit<TActivateInput, "key">;

export type TActivateResult = {
  created: boolean;
  activation: ReturnType<typeof serializeActivation>;
  license: ReturnType<typeof serializeLicense>;
};

export async function activateSeat(input: TActivateInput, ctx: TContext): Promise<TActivateResult> {
  const license = await findLicenseByKey(input.key);
  if (!license) throw new ApiError("LICENSE_NOT_FOUND", "No license has this key");
  const { key: _key, ...device } = input;
  return activateLicenseSeat(license, device, ctx);
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
 */
export async function activateLicenseSeat(
  license: TLicenseWithPolicy,
  device: TDevice,
  ctx: TContext,
  options: { userId?: string } = {},
): Promise<TActivateResult> {
  const now = ctx.now ?? new Date();
  const problem = licenseProblem(license, now);
  try {
    if (problem) throw refusalFor(problem);
    const { activation, created, used, consumed, current } = await db.$transaction(async (tx) => {
      // currentPeriodId too: a renewal (which takes the same lock) may have opened a new period.
      const locked = await tx.$queryRaw<
        { status: "ACTIVE" | "SUSPENDED"; seats: number | null; expiresAt: Date | null; currentPeriodId: string | null; seatAlertThreshold: number | null }[]
      >`
        SELECT "status", "seats", "expiresAt", "currentPeriodId", "seatAlertThreshold" FROM "License" WHERE "id" = ${license.id} FOR UPDATE`;
      const current = { ...license, ...locked[0]! };
      const lockedProblem = licenseProblem(current, now);
      if (lockedProblem) throw refusalFor(lockedProblem);
      if (isFloating(current)) return { ...(await checkoutLease(tx, current, device, ctx, options)), current };

      const existing = await tx.activation.findFirst({
        where: { licenseId: license.id, fingerprint: device.fingerprint, deactivatedAt: null },
      });
      if (existing) {
        const activation = await tx.activation.update({
          where: { id: existing.id },
          data: { ...deviceFields(device), lastSeenAt: now, ip: ctx.ip ?? existing.ip },
        });
        const consumed = await recordSeatUsage(tx, current, activation, now);
        return { activation, created: false, used: await countSeatsInUse(tx, license.id, now), consumed, current };
      }

      const used = await countSeatsInUse(tx, license.id, now);
      const limit = seatLimit(current);
      if (used >= limit) {
        throw new ApiError("SEAT_LIMIT_REACHED", `All ${limit} seats of this license are in use`, {
          details: { seats: { limit, used } },
        });
      }
      const activation: Activation = await tx.activation.create({
        data: {
          licenseId: license.id,
          fingerprint: device.fingerprint,
          ...deviceFields(device),
          ip: ctx.ip ?? null,
          userId: options.userId ?? null,
          createdAt: now,
          lastSeenAt: now,
        },
      });
      await recordEvent(tx, { ...ctx, now }, {
        action: "activation.created",
        licenseId: license.id,
        activationId: activation.id,
        organizationId: license.organizationId,
        data: { fingerprint: device.fingerprint, friendlyName: device.friendlyName ?? null },
      });
      const consumed = await recordSeatUsage(tx, current, activation, now);
      return { activation, created: true, used: used + 1, consumed, current };
    }, TX_OPTIONS);
    // After the commit, so the alert's own transaction can never roll back the activation.
    await alertIfSeatThresholdReached(current, current.currentPeriodId, consumed, { ...ctx, now });
    return {
      created,
      activation: serializeActivation(activation, now),
      license: serializeLicense(license, used, now),
    };
  } catch (error) {
    if (error instanceof ApiError) {
      await recordEvent(db, { ...ctx, now }, {
        action: "activation.refused",
        licenseId: license.id,
        organizationId: license.organizationId,
        data: { code: error.code, fingerprint: device.fingerprint },
      });
    }
    throw error;
  }
}

function deviceFields(device: TDevice) {
  // Only fields the client sent: a re-activation without a friendly name keeps the old one.
  const fields: Partial<Record<"friendlyName" | "hostname" | "platform" | "appVersion", string>> = {};
  for (const name of ["friendlyName", "hostname", "platform", "appVersion"] as const) {
    if (device[name] !== undefined) fields[name] = device[name];
  }
  return fields;
}
