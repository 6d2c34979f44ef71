import "server-only";
import type { Activation } from "../generated/prisma/client";
import type { TLicenseWithPolicy } from "../licensing/find-license";
import { seatLimit } from "../licensing/license-rules";
import { activeSigner } from "../signing/signing-keys";
import { encodeLicenseFile, type TLicenseFilePayload } from "./license-file-format";

const DAY_MS = 24 * 60 * 60 * 1000;
export const DEFAULT_OFFLINE_DAYS = 30;

/**
 * How long a file may be used before the machine must fetch a new one: the check-in interval when the
 * license (or its policy) requires check-ins, otherwise the policy's offline interval. A floating seat's
 * file never outlives its lease.
 */
export function licenseFileValidUntil(license: TLicenseWithPolicy, activation: Pick<Activation, "leaseExpiresAt">, now: Date): Date {
  const days = license.checkInIntervalDays ?? license.policy.checkInIntervalDays ?? license.policy.offlineIntervalDays ?? DEFAULT_OFFLINE_DAYS;
  const until = new Date(now.getTime() + (days > 0 ? days : DEFAULT_OFFLINE_DAYS) * DAY_MS);
  return activation.leaseExpiresAt && activation.leaseExpiresAt < until ? activation.leaseExpiresAt : until;
}

export function licenseFilePayload(
  license: TLicenseWithPolicy,
  activation: Pick<Activation, "id" | "fingerprint" | "leaseExpiresAt">,
  now: Date,
): TLicenseFilePayload {
  const { product } = license.policy;
  return {
    version: 1,
    licenseId: license.id,
    product: { id: product.id, code: product.code, name: product.name },
    policy: { id: license.policy.id, name: license.policy.name },
    organization: license.organization ? { id: license.organization.id, name: license.organization.name } : null,
    fingerprint: activation.fingerprint,
    model: license.policy.model,
    seats: seatLimit(license),
    entitlements: [...new Set([...license.policy.entitlements, ...license.entitlements])].sort(),
    issuedAt: now.toISOString(),
    expiresAt: license.expiresAt?.toISOString() ?? null,
    validUntil: licenseFileValidUntil(license, activation, now).toISOString(),
    activationId: activation.id,
  };
}

/** The signed .lic text for a device's seat, signed with the active key. */
export async function buildLicenseFile(
  license: TLicenseWithPolicy,
  activation: Pick<Activation, "id" | "fingerprint" | "leaseExpiresAt">,
  now = new Date(),
): Promise<string> {
  return encodeLicenseFile(licenseFilePayload(license, activation, now), await activeSigner());
}
