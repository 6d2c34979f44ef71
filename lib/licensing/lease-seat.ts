import "server-only";
import { ApiError } from "../api/errors";
import { recordSeatUsage } from "../billing/record-seat-usage";
import type { TTx } from "../db";
import type { TContext, TEventInput } from "../events/record-event";
import type { Activation, Prisma } from "../generated/prisma/client";
import { countSeatsInUse, seatHoldingWhere } from "./count-seats";
import type { TLicenseWithPolicy } from "./find-license";
import { findActiveSeat } from "./find-seat";
import { insertSeat } from "./insert-seat";
import { LEASE_EXPIRED_BY, leaseEnd, retryAfterSeconds } from "./lease-rules";
import { seatLimit } from "./license-rules";

export type TLeaseDevice = {
  fingerprint: string;
  friendlyName?: string;
  hostname?: string;
  platform?: string;
  appVersion?: string;
};

/** consumed: the period's new consumed-seat count when this call counted the device (for the seat alert). */
export type TLeaseOutcome = { activation: Activation; created: boolean; used: number; consumed: number | null };

export const LEASE_SYSTEM_ACTOR = { type: "SYSTEM", label: "lease expiry" } as const;

/** The audit record of one lease running out; shared by checkout, heartbeat and the reclaim job. */
export function leaseExpiredEvent(
  row: Pick<Activation, "id" | "licenseId" | "fingerprint" | "friendlyName" | "leaseExpiresAt">,
  organizationId: string | null,
  now: Date,
): Prisma.EventCreateManyInput {
  return {
    actorType: LEASE_SYSTEM_ACTOR.type,
    actorLabel: LEASE_SYSTEM_ACTOR.label,
    action: "lease.expired",
    licenseId: row.licenseId,
    activationId: row.id,
    organizationId,
    createdAt: now,
    data: { fingerprint: row.fingerprint, friendlyName: row.friendlyName, expiredAt: row.leaseExpiresAt?.toISOString() ?? null },
  };
}

/**
 * Marks an expired, still-unreleased lease as released at the instant it expired. Conditional, so
 * when the reclaim job or another request got there first nothing happens and no second event is written.
 */
export async function releaseExpiredLease(tx: TTx, row: Activation, license: TLicenseWithPolicy, now: Date): Promise<void> {
  if (!row.leaseExpiresAt) return;
  const { count } = await tx.activation.updateMany({
    where: { id: row.id, deactivatedAt: null, leaseExpiresAt: { lte: now } },
    data: { deactivatedAt: row.leaseExpiresAt, deactivatedBy: LEASE_EXPIRED_BY },
  });
  if (count === 1) await tx.event.create({ data: leaseExpiredEvent(row, license.organizationId, now) });
}

/** Seats in use and, when the license is full, how long until one comes free. */
export async function seatAvailability(tx: TTx, license: TLicenseWithPolicy, now: Date) {
  const limit = seatLimit(license);
  const holders = await tx.activation.findMany({
    where: seatHoldingWhere(license.id, now),
    select: { deactivatedAt: true, leaseExpiresAt: true, seatFreedAt: true },
  });
  const used = holders.length;
  if (used < limit) return { limit, used, full: false as const, retryAfter: null };
  const releases = holders.map((h) => (h.deactivatedAt ? h.seatFreedAt : h.leaseExpiresAt));
  return { limit, used, full: true as const, retryAfter: retryAfterSeconds(releases, limit, now) };
}

export function retryHeaders(retryAfter: number | null): Record<string, string> | undefined {
  return retryAfter === null ? undefined : { "Retry-After": String(retryAfter) };
}

/**
 * Checks out (or renews) the device's lease. The caller holds the license row FOR UPDATE, so the
 * count-and-insert is exact across app instances. A device whose old lease already ran out gets a
 * fresh row: the old one is released at its expiry, so one row is one unbroken stretch of holding a
 * seat (what the concurrency report counts), and a fingerprint never holds two seats.
 */
export async function checkoutLease(
  tx: TTx,
  license: TLicenseWithPolicy,
  device: TLeaseDevice,
  ctx: TContext,
  options: { userId?: string | null; via?: "activation" | "heartbeat"; previousActivationId?: string } = {},
): Promise<TLeaseOutcome> {
  const now = ctx.now ?? new Date();
  const existing = await findActiveSeat(license.id, device.fingerprint, tx);
  if (existing && (!existing.leaseExpiresAt || existing.leaseExpiresAt.getTime() > now.getTime())) {
    const renewed = await renewLease(tx, license, existing, deviceFields(device), ctx, now);
    if (renewed) {
      const consumed = await recordSeatUsage(tx, license, renewed, now);
      return { activation: renewed, created: false, used: await countSeatsInUse(tx, license.id, now), consumed };
    }
  } else if (existing) {
    await releaseExpiredLease(tx, existing, license, now);
  }

  const seats = await seatAvailability(tx, license, now);
  if (seats.full) {
    throw new ApiError("SEAT_LIMIT_REACHED", `Every seat of this license is leased (${seats.used} of ${seats.limit} in use)`, {
      details: { seats: { limit: seats.limit, used: seats.used }, retryAfter: seats.retryAfter },
      headers: retryHeaders(seats.retryAfter),
    });
  }
  const seat = {
    licenseId: license.id,
    fingerprint: device.fingerprint,
    ...deviceFields(device),
    ip: ctx.ip ?? null,
    userId: options.userId ?? existing?.userId ?? null,
    tokenKeyId: null,
    overage: false,
    leaseExpiresAt: leaseEnd(license, now),
  };
  const event = (activationId: string) => leaseCreatedEvent(license, device, activationId, seat.leaseExpiresAt, options);
  const { activation, consumed } = await insertSeat(tx, license, seat, (activationId) => [event(activationId)], { ...ctx, now });
  return { activation, created: true, used: seats.used + 1, consumed };
}

/** The audit record of a new lease (a fresh row): by checkout, by a heartbeat that leased anew, or by the shared path. */
export function leaseCreatedEvent(
  license: Pick<TLicenseWithPolicy, "id" | "organizationId">,
  device: Pick<TLeaseDevice, "fingerprint" | "friendlyName">,
  activationId: string,
  leaseExpiresAt: Date,
  options: { via?: "activation" | "heartbeat"; previousActivationId?: string } = {},
): TEventInput {
  return {
    action: "activation.created",
    licenseId: license.id,
    activationId,
    organizationId: license.organizationId,
    data: {
      fingerprint: device.fingerprint,
      friendlyName: device.friendlyName ?? null,
      lease: true,
      leaseExpiresAt: leaseExpiresAt.toISOString(),
      via: options.via ?? "activation",
      ...(options.previousActivationId ? { previousActivationId: options.previousActivationId } : {}),
    },
  };
}

/** Extends a live lease; null when the row was released meanwhile (then the caller leases anew). */
async function renewLease(
  tx: TTx,
  license: TLicenseWithPolicy,
  row: Activation,
  fields: Partial<Record<"friendlyName" | "hostname" | "platform" | "appVersion", string>>,
  ctx: TContext,
  now: Date,
): Promise<Activation | null> {
  const { count } = await tx.activation.updateMany({
    where: { id: row.id, deactivatedAt: null },
    data: { ...fields, lastSeenAt: now, leaseExpiresAt: leaseEnd(license, now), ...(ctx.ip ? { ip: ctx.ip } : {}) },
  });
  if (count === 0) return null;
  return tx.activation.findUniqueOrThrow({ where: { id: row.id } });
}

function deviceFields(device: TLeaseDevice) {
  // Only fields the client sent: a renewal without a friendly name keeps the old one.
  const fields: Partial<Record<"friendlyName" | "hostname" | "platform" | "appVersion", string>> = {};
  for (const name of ["friendlyName", "hostname", "platform", "appVersion"] as const) {
    if (device[name] !== undefined) fields[name] = device[name];
  }
  return fields;
}

/** Locks the license row for the rest of the transaction and returns its current mutable fields. */
export async function lockLicense(tx: TTx, license: TLicenseWithPolicy): Promise<TLicenseWithPolicy> {
  const locked = await tx.$queryRaw<{ status: "ACTIVE" | "SUSPENDED"; seats: number | null; expiresAt: Date | null }[]>`
    SELECT "status", "seats", "expiresAt" FROM "License" WHERE "id" = ${license.id} FOR UPDATE`;
  if (!locked[0]) throw new ApiError("LICENSE_NOT_FOUND", "No license has this key");
  return { ...license, ...locked[0] };
}
