import "server-only";
import { ApiError } from "../api/errors";
import { findLicenseById } from "../licensing/find-license";
import { assertOrgAdmin, type TOrgActor } from "./actor";

/**
 * One of the actor's organization's licenses, for the admin-only license pages (leases, concurrency).
 * Members and other organizations get the same 404 as an unknown id: they don't learn it exists.
 */
export async function findAdminOrgLicense(actor: TOrgActor, licenseId: string) {
  assertOrgAdmin(actor);
  const license = await findLicenseById(licenseId);
  if (!license || license.organizationId !== actor.organizationId) throw new ApiError("NOT_FOUND", "License not found");
  return license;
}
