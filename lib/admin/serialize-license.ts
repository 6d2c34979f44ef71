import type { BillingPeriod } from "../generated/prisma/client";
import type { TLicenseWithPolicy } from "../licensing/find-license";
import { serializeLicense } from "../licensing/serialize";
import { checkInIntervalDays, cooldownHours, goodwillSeats } from "../rules/rule-settings";

/** What vendor staff and admin tokens see: the client view plus the key, notes and billing period. */
export function serializeAdminLicense(
  license: TLicenseWithPolicy & { currentPeriod?: BillingPeriod | null },
  seatsUsed: number,
  now: Date,
) {
  return {
    ...serializeLicense(license, seatsUsed, now),
    key: license.key,
    notes: license.notes,
    seatAlertThreshold: license.seatAlertThreshold,
    rules: licenseRules(license),
    createdAt: license.createdAt.toISOString(),
    updatedAt: license.updatedAt.toISOString(),
    currentPeriod: license.currentPeriod
      ? {
          id: license.currentPeriod.id,
          startsAt: license.currentPeriod.startsAt.toISOString(),
          endsAt: license.currentPeriod.endsAt?.toISOString() ?? null,
          seatsConsumed: license.currentPeriod.seatsConsumed,
        }
      : null,
  };
}

/** The license's own overrides (null: inherits) next to the values in effect. */
function licenseRules(license: TLicenseWithPolicy) {
  return {
    kind: license.policy.kind,
    evaluationDays: license.policy.evaluationDays,
    overrides: {
      goodwillSeats: license.goodwillSeats,
      deactivationCooldownHours: license.deactivationCooldownHours,
      checkInIntervalDays: license.checkInIntervalDays,
      entitlements: license.entitlements,
    },
    effective: {
      goodwillSeats: goodwillSeats(license),
      deactivationCooldownHours: cooldownHours(license),
      checkInIntervalDays: checkInIntervalDays(license),
    },
    administratorId: license.administratorId,
  };
}
