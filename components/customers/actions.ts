"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { describeZodError } from "@/lib/api/handler";
import { currentUser } from "@/lib/auth/session";
import type { TContext } from "@/lib/events/record-event";
import { createAdminLink, revokeInvitation } from "@/lib/orgs/admin-links";
import { createOrgUser, resendInvitation } from "@/lib/orgs/create-org-user";
import { removeOrgUser } from "@/lib/orgs/remove-org-user";
import { ZCreateAdminLink, ZCreateOrgUser } from "@/lib/orgs/schemas";
import { describeErrorForLog } from "../../lib/security/redact";

export type TVendorResult<T = unknown> = { ok: true; data: T } | { ok: false; error: string; code?: string };

/** Vendor staff actions on a customer's users: admins only; read-only staff can look but not change. */
async function asStaffAdmin<T>(organizationId: string, fn: (ctx: TContext) => Promise<T>): Promise<TVendorResult<T>> {
  try {
    const user = await currentUser();
    if (!user || user.kind !== "staff") throw new ApiError("UNAUTHORIZED", "Sign in again");
    if (user.role !== "ADMIN") throw new ApiError("FORBIDDEN", "Read-only staff can't change customers");
    const data = await fn({ actor: { type: "STAFF", id: user.id, label: user.email } });
    revalidatePath(`/console/customers/${organizationId}`, "layout");
    return { ok: true, data };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.message, code: error.code };
    if (error instanceof z.ZodError) return { ok: false, error: describeZodError(error), code: "INVALID_REQUEST" };
    console.error("[customers] action failed", describeErrorForLog(error));
    return { ok: false, error: "Something went wrong. Try again." };
  }
}

const ZId = z.string().min(1).max(64);

export async function vendorCreateUserAction(organizationId: string, input: z.input<typeof ZCreateOrgUser>) {
  return asStaffAdmin(organizationId, async (ctx) => {
    const { user, invitation } = await createOrgUser(ZId.parse(organizationId), ZCreateOrgUser.parse(input), ctx);
    return { email: user.email, invited: Boolean(invitation) };
  });
}

export async function vendorCreateAdminLinkAction(organizationId: string, input: z.input<typeof ZCreateAdminLink>) {
  return asStaffAdmin(organizationId, (ctx) => createAdminLink(ZId.parse(organizationId), ZCreateAdminLink.parse(input), ctx));
}

export async function vendorRevokeInvitationAction(organizationId: string, invitationId: string) {
  return asStaffAdmin(organizationId, (ctx) => revokeInvitation(ZId.parse(organizationId), ZId.parse(invitationId), ctx));
}

export async function vendorResendInvitationAction(organizationId: string, userId: string) {
  return asStaffAdmin(organizationId, (ctx) => resendInvitation(ZId.parse(organizationId), ZId.parse(userId), ctx));
}

export async function vendorRemoveUserAction(organizationId: string, userId: string, freeSeats: boolean) {
  return asStaffAdmin(organizationId, (ctx) => removeOrgUser(ZId.parse(organizationId), ZId.parse(userId), { freeSeats: z.boolean().parse(freeSeats) }, ctx));
}
