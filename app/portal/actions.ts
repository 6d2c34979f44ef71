"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { describeZodError } from "@/lib/api/handler";
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
import { describeErrorForLog } from "../../lib/security/redact";

export type TActionResult<T = unknown> = { ok: true; data: T; message?: string } | { ok: false; error: string; code?: string };

/** Every portal action: the actor comes from the session, domain errors become a message for the form. */
async function run<T>(fn: () => Promise<T>, message?: string): Promise<TActionResult<T>> {
  try {
    const data = await fn();
    revalidatePath("/portal", "layout");
    return { ok: true, data, message };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.message, code: error.code };
    if (error instanceof z.ZodError) return { ok: false, error: describeZodError(error), code: "INVALID_REQUEST" };
    console.error("[portal] action failed", describeErrorForLog(error));
    return { ok: false, error: "Something went wrong. Try again.", code: "INTERNAL_ERROR" };
  }
}

const ZIds = z.array(z.string().min(1).max(64)).min(1).max(200);

export async function deactivateSeatsAction(ids: string[]): Promise<TActionResult<{ deactivated: number }>> {
  return run(async () => {
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
  return run(async () => {
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
  return run(async () => {
    const actor = await orgActorOrThrow();
    const user = await portalUpdateUser(actor, z.string().max(64).parse(userId), ZUpdate.parse(input));
    return { id: user.id };
  });
}

export async function removeUserAction(userId: string, freeSeats: boolean) {
  return run(async () => {
    const actor = await orgActorOrThrow();
    return portalRemoveUser(actor, z.string().max(64).parse(userId), z.boolean().parse(freeSeats));
  });
}

export async function resendInvitationAction(userId: string) {
  return run(async () => {
    const actor = await orgActorOrThrow();
    return portalResendInvitation(actor, z.string().max(64).parse(userId));
  });
}

export async function importUsersAction(csv: string) {
  return run(async () => {
    const actor = await orgActorOrThrow();
    return portalImportUsers(actor, z.string().max(600_000).parse(csv));
  });
}
