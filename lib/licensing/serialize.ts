import type { Activation } from "../generated/prisma/client";
import type { TLicenseWithPolicy } from "./find-license";
import { LEASE_EXPIRED_BY, refreshBefore } from "./lease-rules";
import { licenseProblem, seatLimit } from "./license-rules";

export type TActivationStatus = "ACTIVE" | "LEASE_EXPIRED" | "DEACTIVATED";

export function activationStatus(
  activation: Pick<Activation, "deactivatedAt" | "deactivatedBy" | "leaseExpiresAt">,
  now: Date,
): TActivationStatus {
  if (activation.deactivatedAt) return activation.deactivatedBy === LEASE_EXPIRED_BY ? "LEASE_EXPIRED" : "DEACTIVATED";
  if (activation.leaseExpiresAt && activation.leaseExpiresAt.getTime() <= now.getTime()) return "LEASE_EXPIRED";
  return "ACTIVE";
}

/** The license as client apps see it: never the key itself (user-token clients must not learn it). */
export function serializeLicense(license: TLicenseWithPolicy, seatsUsed: number, now: Date) {
  const problem = licenseProblem(license, now);
  return {
    id: license.id,
    name: license.name,
    status: problem === "EXPIRED" ? "EXPIRED" : license.status,
    model: license.policy.model,
    product: { id: license.policy.product.id, code: license.policy.product.code, name: license.policy.product.name },
    policy: { id: license.policy.id, name: license.policy.name },
    organization: license.organization ? { id: license.organization.id, name: license.organization.name } : null,
    startsAt: license.startsAt.toISOString(),
    expiresAt: license.expiresAt?.toISOString() ?? null,
    seats: { limit: seatLimit(license), used: seatsUsed },
    leaseDurationSeconds: license.policy.model === "FLOATING" ? license.policy.leaseDurationSeconds : null,
    entitlements: [...new Set([...license.policy.entitlements, ...license.entitlements])].sort(),
  };
}

export function serializeActivation(activation: Activation, now: Date) {
  return {
    id: activation.id,
    fingerprint: activation.fingerprint,
    friendlyName: activation.friendlyName,
    hostname: activation.hostname,
    platform: activation.platform,
    appVersion: activation.appVersion,
    status: activationStatus(activation, now),
    createdAt: activation.createdAt.toISOString(),
    lastSeenAt: activation.lastSeenAt.toISOString(),
    leaseExpiresAt: activation.leaseExpiresAt?.toISOString() ?? null,
    // When a floating app should heartbeat next (see lease-rules.ts); null for node-locked seats.
    refreshBefore: (activation.deactivatedAt ? null : refreshBefore(activation.leaseExpiresAt, now))?.toISOString() ?? null,
    deactivatedAt: activation.deactivatedAt?.toISOString() ?? null,
    seatFreedAt: activation.deactivatedAt ? (activation.seatFreedAt ?? activation.deactivatedAt).toISOString() : null,
    overage: activation.overage,
    userId: activation.userId,
  };
}

export type TLicenseDto = ReturnType<typeof serializeLicense>;
export type TActivationDto = ReturnType<typeof serializeActivation>;
