import "server-only";
import { ApiError } from "../api/errors";
import { recordSeatUsage } from "../billing/record-seat-usage";
import { alertIfSeatThresholdReached } from "../billing/seat-alert";
import { db } from "../db";
import { Prisma, type Activation } from "../generated/prisma/client";
import type { TContext } from "../events/record-event";
import { seatsInUseSql } from "./count-seats";
import { findLicenseByKey, type TLicenseWithPolicy } from "./find-license";
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
  const touched = await touchSeatAndCount(license.id, input, ctx, now, options.userId);
  if (!touched) {
    await refuseIfDeactivatedRemotely(license.id, input.fingerprint);
    throw new ApiError("ACTIVATION_NOT_FOUND", "This device holds no seat on the license");
  }
  const { activation, used } = touched;
  const consumed = await recordSeatUsage(db, license, activation, now);
  await alertIfSeatThresholdReached(license, license.currentPeriodId, consumed, { ...ctx, now });
  return { activation: serializeActivation(activation, now), license: serializeLicense(license, used, now) };
}

/**
 * Finds and touches the device's seat (a device holds at most one active seat per license) and counts
 * the license's seats in use, in one statement. The count sees the rows as they were before the
 * update, which is the same answer: touching a node-locked seat never changes which seats are held.
 */
async function touchSeatAndCount(licenseId: string, input: Omit<THeartbeatInput, "key">, ctx: TContext, now: Date, userId?: string) {
  const rows = await db.$queryRaw<(Activation & { __seatsInUse: number })[]>`
    WITH touched AS (
      UPDATE "Activation" SET "lastSeenAt" = ${now},
        "appVersion" = COALESCE(${input.appVersion ?? null}::text, "appVersion"),
        "platform" = COALESCE(${input.platform ?? null}::text, "platform"),
        "ip" = COALESCE(${ctx.ip ?? null}::text, "ip")
      WHERE "licenseId" = ${licenseId} AND "fingerprint" = ${input.fingerprint} AND "deactivatedAt" IS NULL
        ${userId ? Prisma.sql`AND "userId" = ${userId}` : Prisma.empty}
      RETURNING *
    )
    SELECT t.*, ${seatsInUseSql(licenseId, now)} AS "__seatsInUse"
    FROM touched t LIMIT 1`;
  if (!rows[0]) return null;
  const { __seatsInUse: used, ...activation } = rows[0];
  return { activation: activation as Activation, used };
}

/** Only asked when the device holds no seat, so a normal heartbeat costs no extra query. */
async function refuseIfDeactivatedRemotely(licenseId: string, fingerprint: string): Promise<void> {
  if (await findRemoteDeactivation(licenseId, fingerprint)) {
    throw new ApiError("DEACTIVATED", "This device's seat was deactivated by an administrator; activate again to use it");
  }
}
