import "server-only";
import { ApiError } from "../api/errors";
import { revokeLease } from "../licensing/revoke-lease";
import { actorContext, type TOrgActor } from "./actor";
import { findAdminOrgLicense } from "./find-org-license";

/**
 * Frees a lease from the portal. The license must be the admin's own organization's (404 otherwise,
 * checked first so a refusal never confirms another organization's id), and the admin needs
 * canDeactivateSeats; revokeLease then makes sure the lease belongs to that license.
 */
export async function revokeOrgLease(actor: TOrgActor, licenseId: string, activationId: string, ip?: string | null) {
  const license = await findAdminOrgLicense(actor, licenseId);
  if (!actor.canDeactivateSeats) throw new ApiError("FORBIDDEN", "You don't have permission to revoke leases");
  return revokeLease(license.id, activationId, actorContext(actor, ip));
}
