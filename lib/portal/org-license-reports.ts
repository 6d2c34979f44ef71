import "server-only";
import { leaseOverview } from "../licensing/lease-overview";
import { concurrencyReport, type TConcurrencyQuery } from "../reports/concurrency-report";
import type { TOrgActor } from "./actor";
import { findAdminOrgLicense } from "./find-org-license";

/** The portal's lease page: the same overview staff see, for the admin's own organization only. */
export async function orgLeaseOverview(actor: TOrgActor, licenseId: string, now = new Date()) {
  const license = await findAdminOrgLicense(actor, licenseId);
  return { ...(await leaseOverview(license, now)), canRevoke: actor.canDeactivateSeats };
}

/** The portal's concurrency report (page and CSV), for the admin's own organization only. */
export async function orgConcurrencyReport(actor: TOrgActor, licenseId: string, query: TConcurrencyQuery, now = new Date()) {
  await findAdminOrgLicense(actor, licenseId);
  return concurrencyReport(licenseId, query, now);
}
