import "server-only";
import { ApiError } from "../api/errors";
import { createOrgUser, resendInvitation } from "../orgs/create-org-user";
import { importOrgUsers } from "../orgs/import-org-users";
import { listOrgUsers } from "../orgs/list-org-users";
import { removeOrgUser } from "../orgs/remove-org-user";
import type { TCreateOrgUser, TListOrgUsers, TUpdateOrgUser } from "../orgs/schemas";
import { updateOrgUser } from "../orgs/update-org-user";
import { actorContext, assertCanManageUsers, assertOrgAdmin, type TOrgActor } from "./actor";

// Portal wrappers: the organization always comes from the signed-in actor, never from the request.

export function portalListUsers(actor: TOrgActor, input: TListOrgUsers) {
  assertOrgAdmin(actor);
  return listOrgUsers(actor.organizationId, input);
}

export function portalInviteUser(actor: TOrgActor, input: Omit<TCreateOrgUser, "password">) {
  assertCanManageUsers(actor);
  // Org admins invite; only the vendor may set a password for someone else.
  return createOrgUser(actor.organizationId, { ...input, password: undefined }, actorContext(actor));
}

export function portalUpdateUser(actor: TOrgActor, userId: string, input: Omit<TUpdateOrgUser, "password">) {
  assertCanManageUsers(actor);
  if (userId === actor.userId && (input.role === "MEMBER" || input.disabled || input.canManageUsers === false)) {
    throw new ApiError("CONFLICT", "You can't remove your own admin rights; ask another admin");
  }
  const { password: _ignored, ...safe } = input as TUpdateOrgUser;
  return updateOrgUser(actor.organizationId, userId, safe, actorContext(actor));
}

export function portalRemoveUser(actor: TOrgActor, userId: string, freeSeats: boolean) {
  assertCanManageUsers(actor);
  if (userId === actor.userId) throw new ApiError("CONFLICT", "You can't remove yourself; ask another admin");
  if (freeSeats && !actor.canDeactivateSeats) throw new ApiError("FORBIDDEN", "You don't have permission to deactivate seats");
  return removeOrgUser(actor.organizationId, userId, { freeSeats }, actorContext(actor));
}

export function portalResendInvitation(actor: TOrgActor, userId: string) {
  assertCanManageUsers(actor);
  return resendInvitation(actor.organizationId, userId, actorContext(actor));
}

export function portalImportUsers(actor: TOrgActor, csv: string) {
  assertCanManageUsers(actor);
  return importOrgUsers(actor.organizationId, csv, actorContext(actor));
}
