import "server-only";
import { ApiError } from "../api/errors";
import { hashPassword } from "../crypto/passwords";
import { db, TX_OPTIONS, type TTx } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import { createActionToken, INVITE_TTL_MS } from "./action-tokens";
import { queueInvitationEmail } from "./invitation-email";
import { ZCreateOrgUser, type TCreateOrgUser } from "./schemas";
import { serializeOrgUser } from "./serialize";

/**
 * Creates a user in the organization. With a password the user can sign in at once; without one an
 * invitation (single-use, expiring link to set a password) is queued in the same transaction.
 */
export async function createOrgUser(organizationId: string, rawInput: TCreateOrgUser, ctx: TContext) {
  const input = ZCreateOrgUser.parse(rawInput);
  const now = ctx.now ?? new Date();
  const organization = await db.organization.findUnique({ where: { id: organizationId }, select: { id: true, name: true } });
  if (!organization) throw new ApiError("NOT_FOUND", "Organization not found");
  const passwordHash = input.password ? await hashPassword(input.password) : null;
  const isAdmin = input.role === "ORG_ADMIN";
  return db.$transaction(async (tx) => {
    await assertEmailFree(tx, input.email);
    const user = await tx.orgUser.create({
      data: {
        organizationId,
        email: input.email,
        name: input.name,
        role: input.role,
        canManageUsers: isAdmin && (input.canManageUsers ?? true),
        canDeactivateSeats: isAdmin && (input.canDeactivateSeats ?? true),
        passwordHash,
        createdAt: now,
      },
    });
    let invitation: { expiresAt: string } | null = null;
    if (!passwordHash) {
      const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
      const { token } = await createActionToken(tx, { kind: "USER_INVITE", organizationId, email: user.email, subjectId: user.id, expiresAt });
      await queueInvitationEmail(tx, { to: user.email, name: user.name, organizationName: organization.name, token, expiresAt, invitedBy: ctx.actor.label });
      invitation = { expiresAt: expiresAt.toISOString() };
    }
    await recordEvent(tx, { ...ctx, now }, {
      action: "org_user.created",
      organizationId,
      data: { userId: user.id, email: user.email, role: user.role, invited: !passwordHash },
    });
    return { user: serializeOrgUser({ ...user, hasPassword: Boolean(passwordHash) }), invitation };
  }, TX_OPTIONS);
}

/** Sends a fresh invitation; earlier unused links of the user stop working. */
export async function resendInvitation(organizationId: string, userId: string, ctx: TContext) {
  const now = ctx.now ?? new Date();
  const user = await db.orgUser.findFirst({
    where: { id: userId, organizationId },
    include: { organization: { select: { name: true } } },
    omit: { passwordHash: false },
  });
  if (!user) throw new ApiError("NOT_FOUND", "User not found");
  if (user.passwordHash || user.disabledAt) throw new ApiError("CONFLICT", "Only users who have not accepted their invitation can be invited again");
  const expiresAt = new Date(now.getTime() + INVITE_TTL_MS);
  await db.$transaction(async (tx) => {
    await tx.actionToken.updateMany({ where: { kind: "USER_INVITE", subjectId: user.id, usedAt: null }, data: { expiresAt: now } });
    const { token } = await createActionToken(tx, { kind: "USER_INVITE", organizationId, email: user.email, subjectId: user.id, expiresAt });
    await queueInvitationEmail(tx, { to: user.email, name: user.name, organizationName: user.organization.name, token, expiresAt, invitedBy: ctx.actor.label });
    await recordEvent(tx, { ...ctx, now }, { action: "org_user.invited", organizationId, data: { userId: user.id, email: user.email } });
  }, TX_OPTIONS);
  return { expiresAt: expiresAt.toISOString() };
}

/** Emails are unique across all organizations: one email signs in to exactly one organization. */
export async function assertEmailFree(tx: TTx, email: string, exceptUserId?: string) {
  const [user, staff] = await Promise.all([
    tx.orgUser.findUnique({ where: { email }, select: { id: true } }),
    tx.staffUser.findUnique({ where: { email }, select: { id: true } }),
  ]);
  if ((user && user.id !== exceptUserId) || staff) throw new ApiError("CONFLICT", `A user with the email ${email} already exists`);
}
