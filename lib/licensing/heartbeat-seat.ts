import "server-only";
import { ApiError } from "../api/errors";
import { recordSeatUsage } from "../billing/record-seat-usage";
import { alertIfSeatThresholdReached } from "../billing/seat-alert";
import { db } from "../db";
import type { TContext } from "../events/record-event";
import { countSeatsInUse } from "./count-seats";
import { findLicenseByKey, type TLicenseWithPolicy } from "./find-license";
import { findActiveSeat } from "./find-seat";
import { heartbeatLease } from "./heartbeat-lease";
import { isFloating } from "./lease-rules";
import { licenseProblem } from "./license-rules";
import type { THeartbeatInput } from "./schemas";
import { findRemoteDeactivation } from "../rules/find-remote-deactivation";
import { serializeActivation, serializeLicense } from "./serialize";

export async function heartbeatSeat(input: THeartbeatInput, ctx: TContext) {
  const license = await findLicenseByKey(input.key);
  if (!license) throw new ApiError("LICENSE_NOT_FOUND", "No license has this key");
  return heartbeatLicenseSeat(license, input, ctx);
}

/** Records that the device is alive: lastSeenAt, its app version and platform; renews a floating lease. */
export async function heartbeatLicenseSeat(
  license: TLicenseWithPolicy,
  input: Omit<THeartbeatInput, "key">,
  ctx: TContext,
  options: { userId?: string } = {},
) {
  const now = ctx.now ?? new Date();
  const problem = licenseProblem(license, now);
  if (problem === "SUSPENDED") throw new ApiError("LICENSE_SUSPENDED", "This license is suspended");
  if (problem === "EXPIRED") throw new ApiError("LICENSE_EXPIRED", "This license has expired");
  if (isFloating(license)) {
    const { activation, used } = await heartbeatLease(license, input, ctx, options.userId).catch(async (error: unknown) => {
      if (error instanceof ApiError && error.code === "ACTIVATION_NOT_FOUND") await refuseIfDeactivatedRemotely(license.id, input.fingerprint);
      throw error;
    });
    return { activation: serializeActivation(activation, now), license: serializeLicense(license, used, now) };
  }
  const seat = await findActiveSeat(license.id, input.fingerprint, db, options.userId);
  if (!seat) {
    await refuseIfDeactivatedRemotely(license.id, input.fingerprint);
    throw new ApiError("ACTIVATION_NOT_FOUND", "This device holds no seat on the license");
  }
  const activation = await db.activation.update({
    where: { id: seat.id },
    data: {
      lastSeenAt: now,
      ...(input.appVersion !== undefined ? { appVersion: input.appVersion } : {}),
      ...(input.platform !== undefined ? { platform: input.platform } : {}),
      ...(ctx.ip ? { ip: ctx.ip } : {}),
    },
  });
  const consumed = await recordSeatUsage(db, license, activation, now);
  await alertIfSeatThresholdReached(license, license.currentPeriodId, consumed, { ...ctx, now });
  const used = await countSeatsInUse(db, license.id, now);
  return { activation: serializeActivation(activation, now), license: serializeLicense(license, used, now) };
}

/** Only asked when the device holds no seat, so a normal heartbeat costs no extra query. */
async function refuseIfDeactivatedRemotely(licenseId: string, fingerprint: string): Promise<void> {
  if (await findRemoteDeactivation(licenseId, fingerprint)) {
    throw new ApiError("DEACTIVATED", "This device's seat was deactivated by an administrator; activate again to use it");
  }
}
