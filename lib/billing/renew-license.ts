import "server-only";
import { ApiError } from "../api/errors";
import { db, TX_OPTIONS } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import type { TRenewLicense } from "./schemas";
import { serializePeriod } from "./serialize-period";

const DAY_MS = 86_400_000;

/**
 * Renews a license: the current billing period closes now with its count frozen, and a new period
 * (consumed count 0, seat alert re-armed) runs from now to the new end.
 *
 * - `durationDays` extends from the current expiry when it is still ahead (renewing early never loses
 *   the days already paid for), otherwise from now.
 * - `periodEnd` is the new end itself; it must lie after now and after the current expiry (a renewal
 *   never shortens a license: edit the expiry for that).
 * - Licenses without expiry stay perpetual: renewing them only starts a new billing period ending at
 *   the computed date (a per-seat true-up cycle). Their expiresAt is left null on purpose, so
 *   billing bookkeeping can never make a perpetual license start expiring.
 *
 * The license row is locked FOR UPDATE, the lock activations take too, so an activation sees either
 * the old period or the new one and two renewals can't both close the same period.
 */
export async function renewLicense(licenseId: string, input: TRenewLicense, ctx: TContext) {
  const now = ctx.now ?? new Date();
  return db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ expiresAt: Date | null; currentPeriodId: string | null; organizationId: string | null }[]>`
      SELECT "expiresAt", "currentPeriodId", "organizationId" FROM "License" WHERE "id" = ${licenseId} FOR UPDATE`;
    const license = locked[0];
    if (!license) throw new ApiError("LICENSE_NOT_FOUND", "License not found");
    const perpetual = license.expiresAt === null;
    const base = license.expiresAt && license.expiresAt > now ? license.expiresAt : now;
    const newEnd = input.periodEnd ?? new Date(base.getTime() + input.durationDays! * DAY_MS);
    if (newEnd <= now) throw new ApiError("INVALID_REQUEST", "periodEnd must be in the future");
    if (license.expiresAt && newEnd <= license.expiresAt) {
      throw new ApiError("INVALID_REQUEST", `periodEnd must be after the current expiry (${license.expiresAt.toISOString()})`);
    }

    const previous = license.currentPeriodId
      ? await tx.billingPeriod.findUnique({ where: { id: license.currentPeriodId } })
      : null;
    if (previous) {
      // The period ends at the renewal; its consumed count stays as the final figure.
      await tx.billingPeriod.update({
        where: { id: previous.id },
        data: { closedAt: now, endsAt: previous.endsAt && previous.endsAt < now ? previous.endsAt : now },
      });
    }
    const period = await tx.billingPeriod.create({ data: { licenseId, startsAt: now, endsAt: newEnd, createdAt: now } });
    await tx.license.update({
      where: { id: licenseId },
      data: { currentPeriodId: period.id, ...(perpetual ? {} : { expiresAt: newEnd }) },
    });
    await recordEvent(tx, { ...ctx, now }, {
      action: "license.renewed",
      licenseId,
      organizationId: license.organizationId,
      data: {
        previousPeriodId: previous?.id ?? null,
        previousSeatsConsumed: previous?.seatsConsumed ?? null,
        periodId: period.id,
        expiresAt: { from: license.expiresAt?.toISOString() ?? null, to: perpetual ? null : newEnd.toISOString() },
        periodEnd: newEnd.toISOString(),
        ...(input.durationDays !== undefined ? { durationDays: input.durationDays } : {}),
      },
    });
    return {
      expiresAt: perpetual ? null : newEnd.toISOString(),
      period: serializePeriod(period, period.id),
      previousPeriod: previous ? serializePeriod({ ...previous, closedAt: now, endsAt: previous.endsAt && previous.endsAt < now ? previous.endsAt : now }, period.id) : null,
    };
  }, TX_OPTIONS);
}
