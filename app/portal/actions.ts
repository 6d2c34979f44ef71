"use server";

import { runPortalAction, type TPortalActionResult } from "./run-action";
import { headers } from "next/headers";
import { z } from "zod";
import { requestIp } from "@/lib/api/request-ip";
import { deactivateOrgSeats } from "@/lib/portal/deactivate-org-seats";
import {
  portalImportUsers,
  portalInviteUser,
  portalRemoveUser,
  portalResendInvitation,
  portalUpdateUser,
} from "@/lib/portal/manage-users";
import { orgActorOrThrow } from "@/lib/portal/session";
import { ZEmail, ZOrgRole } from "@/lib/orgs/schemas";

export type TActionResult<T = unknown> = TPortalActionResult<T>;

const ZIds = z.array(z.string().min(1).max(64)).min(1).max(200);

export async function deactivateSeatsAction(ids: string[]): Promise<TActionResult<{ deactivated: number }>> {
  return runPortalAction(async () => {
    const actor = await orgActorOrThrow();
    const ip = requestIp(await headers());
    return deactivateOrgSeats(actor, ZIds.parse(ids), ip);
  });
}

const ZInvite = z.object({
  email: ZEmail,
  name: z.string().trim().min(1, "Enter a name").max(200),
  role: ZOrgRole,
  canManageUsers: z.boolean(),
  canDeactivateSeats: z.boolean(),
});

export async function inviteUserAction(input: z.input<typeof ZInvite>) {
  return runPortalAction(async () => {
    const actor = await orgActorOrThrow();
    const { user } = await portalInviteUser(actor, ZInvite.parse(input));
    return { id: user.id, email: user.email };
  });
}

const ZUpdate = z.object({
  name: z.string().trim().min(1, "Enter a name").max(200),
  role: ZOrgRole,
  canManageUsers: z.boolean(),
  canDeactivateSeats: z.boolean(),
  disabled: z.boolean(),
});

export async function updateUserAction(userId: string, input: z.input<typeof ZUpdate>) {
  return runPortalAction(async () => {
    const actor = await orgActorOrThrow();
    const user = await portalUpdateUser(actor, z.string().max(64).parse(userId), ZUpdate.parse(input));
    return { id: user.id };
  });
}

export async function removeUserAction(userId: string, freeSeats: boolean) {
  return runPortalAction(async () => {
    const actor = await orgActorOrThrow();
    return portalRemoveUser(actor, z.string().max(64).parse(userId), z.boolean().parse(freeSeats));
  });
}

export async function resendInvitationAction(userId: string) {
  return runPortalAction(async () => {
    const actor = await orgActorOrThrow();
    return portalResendInvitation(actor, z.string().max(64).parse(userId));
  });
}

export async function importUsersAction(csv: string) {
  return runPortalAction(async () => {
    const actor = await orgActorOrThrow();
    return portalImportUsers(actor, z.string().max(600_000).parse(csv));
  });
}
