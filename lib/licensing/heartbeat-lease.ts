import "server-only";
import { ApiError } from "../api/errors";
import { db, TX_OPTIONS } from "../db";
import type { TContext } from "../events/record-event";
import { recordActivationRefusal } from "../notifications/lease-denials";
import type { TLicenseWithPolicy } from "./find-license";
import { findSeatOrExpiredLease } from "./find-seat";
import { checkoutLease, lockLicense, retryHeaders, seatAvailability, type TLeaseOutcome } from "./lease-seat";
import { licenseProblem } from "./license-rules";
import type { THeartbeatInput } from "./schemas";

type TRefusal = { refused: { limit: number; used: number; retryAfter: number | null; activationId: string } };

/**
 * Heartbeat of a floating seat: renews a live lease. After the lease ran out (released by the reclaim
 * job or not) the device gets a new lease when a seat is free, otherwise 409 LEASE_EXPIRED with
 * Retry-After. Runs under the same license lock as checkout, so re-leasing is as exact as activating.
 * A seat released by the user or by staff is not revived: that answers 404 ACTIVATION_NOT_FOUND.
 */
export async function heartbeatLease(license: TLicenseWithPolicy, input: Omit<THeartbeatInput, "key">, ctx: TContext, userId?: string) {
  const outcome: TLeaseOutcome | TRefusal = await db.$transaction(async (tx) => {
    const current = await lockLicense(tx, license);
    const now = ctx.now ?? new Date();
    const problem = licenseProblem(current, now);
    if (problem === "SUSPENDED") throw new ApiError("LICENSE_SUSPENDED", "This license is suspended");
    if (problem === "EXPIRED") throw new ApiError("LICENSE_EXPIRED", "This license has expired");
    const seat = await findSeatOrExpiredLease(license.id, input.fingerprint, tx, userId);
    if (!seat) throw new ApiError("ACTIVATION_NOT_FOUND", "This device holds no seat on the license");
    const live = !seat.deactivatedAt && (!seat.leaseExpiresAt || seat.leaseExpiresAt.getTime() > now.getTime());
    if (!live) {
      const seats = await seatAvailability(tx, current, now);
      // The expired row still counts as nothing, so "full" here means every seat is leased by others.
      if (seats.full) return { refused: { limit: seats.limit, used: seats.used, retryAfter: seats.retryAfter, activationId: seat.id } };
    }
    const device = {
      fingerprint: seat.fingerprint,
      friendlyName: seat.friendlyName ?? undefined,
      hostname: seat.hostname ?? undefined,
      platform: input.platform ?? seat.platform ?? undefined,
      appVersion: input.appVersion ?? seat.appVersion ?? undefined,
    };
    return checkoutLease(tx, current, device, { ...ctx, now }, {
      userId: seat.userId,
      via: "heartbeat",
      ...(live ? {} : { previousActivationId: seat.id }),
    });
  }, TX_OPTIONS);

  const now = ctx.now ?? new Date();
  if ("refused" in outcome) {
    const { limit, used, retryAfter, activationId } = outcome.refused;
    await recordActivationRefusal(license, { code: "SEAT_LIMIT_REACHED", fingerprint: input.fingerprint, via: "heartbeat", activationId }, { ...ctx, now });
    throw new ApiError("LEASE_EXPIRED", `The lease of this device has expired and every seat is leased by other devices (${used} of ${limit} in use)`, {
      details: { seats: { limit, used }, retryAfter },
      headers: retryHeaders(retryAfter),
    });
  }
  return outcome;
}
