import "server-only";
import { ApiError } from "../api/errors";
import { db } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import { createActionToken } from "./action-tokens";
import { invitationUrl } from "./invitation-email";
import { ZCreateAdminLink, type TCreateAdminLink } from "./schemas";

/**
 * A vendor-made link that signs its recipient up as an org admin with the chosen permissions.
 * The URL is returned once (only a digest is stored); it works once and expires.
 */
export async function createAdminLink(organizationId: string, rawInput: TCreateAdminLink, ctx: TContext) {
  const input = ZCreateAdminLink.parse(rawInput);
  const now = ctx.now ?? new Date();
  const organization = await db.organization.findUnique({ where: { id: organizationId }, select: { id: true } });
  if (!organization) throw new ApiError("NOT_FOUND", "Organization not found");
  const expiresAt = new Date(now.getTime() + input.expiresInDays * 86_400_000);
  const { token, record } = await createActionToken(db, {
    kind: "ORG_ADMIN_LINK",
    organizationId,
    email: input.email ?? null,
    role: "ORG_ADMIN",
    canManageUsers: input.canManageUsers,
    canDeactivateSeats: input.canDeactivateSeats,
    expiresAt,
  });
  await recordEvent(db, { ...ctx, now }, {
    action: "org_admin_link.created",
    organizationId,
    data: { linkId: record.id, email: input.email ?? null, canManageUsers: input.canManageUsers, canDeactivateSeats: input.canDeactivateSeats },
  });
  return { id: record.id, url: invitationUrl(token), expiresAt: expiresAt.toISOString() };
}

/** Pending invitations and links of an organization (nothing here can reveal a usable link). */
export async function listPendingInvitations(organizationId: string, now = new Date()) {
  const rows = await db.actionToken.findMany({
    where: { organizationId, kind: { in: ["USER_INVITE", "ORG_ADMIN_LINK"] }, usedAt: null, expiresAt: { gt: now } },
    orderBy: { createdAt: "desc" },
    take: 200,
  });
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind as "USER_INVITE" | "ORG_ADMIN_LINK",
    email: r.email,
    userId: r.subjectId,
    canManageUsers: r.canManageUsers,
    canDeactivateSeats: r.canDeactivateSeats,
    createdAt: r.createdAt.toISOString(),
    expiresAt: r.expiresAt.toISOString(),
  }));
}

export async function revokeInvitation(organizationId: string, id: string, ctx: TContext) {
  const now = ctx.now ?? new Date();
  const { count } = await db.actionToken.updateMany({
    where: { id, organizationId, usedAt: null, kind: { in: ["USER_INVITE", "ORG_ADMIN_LINK"] } },
    data: { expiresAt: now },
  });
  if (count === 0) throw new ApiError("NOT_FOUND", "Invitation not found");
  await recordEvent(db, { ...ctx, now }, { action: "invitation.revoked", organizationId, data: { linkId: id } });
}
