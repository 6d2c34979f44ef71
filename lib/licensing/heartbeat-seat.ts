import "server-only";
import { ApiError } from "../api/errors";
import { recordSeatUsage } from "../billing/record-seat-usage";
import { alertIfSeatThresholdReached } from "../billing/seat-alert";
import { db } from "../db";
import { Prisma, type Activation } from "../generated/prisma/client";
import { relaxedCommit } from "../db/relaxed-commit";
import type { TContext } from "../events/record-event";
import { activationColumns } from "./activation-columns";
import { seatsInUseSql } from "./count-seats";
import { findCachedLicenseByKey, peekLicenseInGoodStanding } from "./find-cached-license";
import type { TLicenseWithPolicy } from "./find-license";
import { countCacheHit } from "./license-cache";
import { touchCachedSeat, type TTouched } from "./touch-cached-seats";
import { heartbeatLease } from "./heartbeat-lease";
import { isFloating } from "./lease-rules";
import { licenseProblem } from "./license-rules";
import type { THeartbeatInput } from "./schemas";
import { findRemoteDeactivation } from "../rules/find-remote-deactivation";
import { serializeActivation, serializeLicense } from "./serialize";

export async function heartbeatSeat(input: THeartbeatInput, ctx: TContext) {
  const now = ctx.now ?? new Date();
  const fast = await heartbeatCachedLicense(input, { ...ctx, now }, now);
  if (fast) return fast;
  const found = await findCachedLicenseByKey(input.key);
  if (!found) throw new ApiError("LICENSE_NOT_FOUND", "No license has this key");
  return heartbeatLicenseSeat(found.license, input, { ...ctx, now });
}

/**
 * The usual heartbeat in one statement: when this instance has the license cached, in good standing
 * and node-locked, the seat is touched only if the license rows still have the cached digest (checked
 * in the same statement). Null when that does not apply or the license changed: nothing was touched,
 * and the caller takes the general path.
 */
async function heartbeatCachedLicense(input: THeartbeatInput, ctx: TContext, now: Date) {
  const cached = peekLicenseInGoodStanding(input.key, now);
  if (!cached || isFloating(cached.entry.license)) return null;
  const { key, entry } = cached;
  const touched = await touchCachedSeat({
    key,
    digest: entry.digest,
    fingerprint: input.fingerprint,
    now,
    appVersion: input.appVersion,
    platform: input.platform,
    ip: ctx.ip,
  });
  if (touched.digest !== entry.digest) return null;
  countCacheHit();
  return finishNodeLockedHeartbeat(entry.license, touched, input.fingerprint, ctx, now);
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
  return finishNodeLockedHeartbeat(license, touched, input.fingerprint, ctx, now);
}

async function finishNodeLockedHeartbeat(license: TLicenseWithPolicy, touched: TTouched, fingerprint: string, ctx: TContext, now: Date) {
  const { activation, used } = touched;
  if (!activation) {
    await refuseIfDeactivatedRemotely(license.id, fingerprint);
    throw new ApiError("ACTIVATION_NOT_FOUND", "This device holds no seat on the license");
  }
  const consumed = await recordSeatUsage(db, license, activation, now);
  await alertIfSeatThresholdReached(license, license.currentPeriodId, consumed, { ...ctx, now });
  return { activation: serializeActivation(activation, now), license: serializeLicense(license, used, now) };
}


/**
 * Finds and touches the device's seat (a device holds at most one active seat per license) and counts
 * the license's seats in use, in one statement. The count sees the rows as they were before the
 * update, which is the same answer: touching a node-locked seat never changes which seats are held.
 * The commit does not wait for the disk (`relaxedCommit`): the touch is rewritten by the next heartbeat.
 */
async function touchSeatAndCount(licenseId: string, input: Omit<THeartbeatInput, "key">, ctx: TContext, now: Date, userId?: string): Promise<TTouched> {
  const rows = await db.$queryRaw<(Activation & { __seatsInUse: number })[]>`
    WITH touched AS (
      UPDATE "Activation" SET "lastSeenAt" = ${now},
        "appVersion" = COALESCE(${input.appVersion ?? null}::text, "appVersion"),
        "platform" = COALESCE(${input.platform ?? null}::text, "platform"),
        "ip" = COALESCE(${ctx.ip ?? null}::text, "ip")
      WHERE "licenseId" = ${licenseId} AND "fingerprint" = ${input.fingerprint} AND "deactivatedAt" IS NULL
        ${userId ? Prisma.sql`AND "userId" = ${userId}` : Prisma.empty}
      RETURNING ${activationColumns()}
    )
    SELECT t.*, ${seatsInUseSql(licenseId, now)} AS "__seatsInUse"
    FROM ${relaxedCommit} relaxed LEFT JOIN (SELECT * FROM touched LIMIT 1) t ON true`;
  const { __seatsInUse: used, ...activation } = rows[0]!;
  return { activation: activation.id ? (activation as Activation) : null, used, digest: null };
}

/** Only asked when the device holds no seat, so a normal heartbeat costs no extra query. */
async function refuseIfDeactivatedRemotely(licenseId: string, fingerprint: string): Promise<void> {
  if (await findRemoteDeactivation(licenseId, fingerprint)) {
    throw new ApiError("DEACTIVATED", "This device's seat was deactivated by an administrator; activate again to use it");
  }
}
