import "server-only";
import { db } from "../db";
import { countSeatsInUse } from "./count-seats";
import type { TLicenseWithPolicy } from "./find-license";
import { seatLimit } from "./license-rules";
import { listCurrentLeases } from "./list-leases";

/**
 * What a license's lease page shows, for the console and the portal alike. The caller has already
 * decided the viewer may see this license.
 */
export async function leaseOverview(license: TLicenseWithPolicy, now = new Date()) {
  const [leases, used] = await Promise.all([listCurrentLeases(license.id, now), countSeatsInUse(db, license.id, now)]);
  return {
    header: {
      name: license.name,
      organization: license.organization?.name ?? null,
      product: license.policy.product.name,
      model: license.policy.model,
    },
    floating: license.policy.model === "FLOATING",
    leaseDurationSeconds: license.policy.leaseDurationSeconds,
    leases,
    used,
    limit: seatLimit(license),
    serverNow: now.toISOString(),
  };
}

export type TLeaseOverview = Awaited<ReturnType<typeof leaseOverview>>;
