import type { BillingPeriod } from "../generated/prisma/client";
import type { TLicenseWithPolicy } from "../licensing/find-license";
import { serializeLicense } from "../licensing/serialize";

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
