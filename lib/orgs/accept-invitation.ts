import "server-only";
import { ApiError } from "../api/errors";
import { hashPassword } from "../crypto/passwords";
import { db, TX_OPTIONS } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import { consumeActionToken, findUsableActionToken } from "./action-tokens";
import { assertEmailFree } from "./create-org-user";
import { ZAcceptInvitation, type TAcceptInvitation } from "./schemas";

export type TInvitationView = {
  kind: "USER_INVITE" | "ORG_ADMIN_LINK";
  organizationName: string;
  /** Fixed email of the invitee; null for an open org-admin link, where the recipient types it. */
  email: string | null;
  name: string | null;
  role: "ORG_ADMIN" | "MEMBER";
  expiresAt: string;
};

const INVALID = "This invitation link is invalid, was already used or has expired. Ask your administrator for a new one.";

/** What the set-password page shows; null when the link can't be used. */
export async function describeInvitation(token: string, now = new Date()): Promise<TInvitationView | null> {
  const record = await findUsableActionToken(db, token, now);
  if (!record?.organization) return null;
  if (record.kind === "USER_INVITE") {
    const user = record.subjectId ? await db.orgUser.findFirst({ where: { id: record.subjectId, disabledAt: null } }) : null;
    if (!user) return null;
    return { kind: "USER_INVITE", organizationName: record.organization.name, email: user.email, name: user.name, role: user.role, expiresAt: record.expiresAt.toISOString() };
  }
  return { kind: "ORG_ADMIN_LINK", organizationName: record.organization.name, email: record.email, name: null, role: "ORG_ADMIN", expiresAt: record.expiresAt.toISOString() };
}

/**
 * Uses an invitation: sets the invited user's password, or (org-admin link) creates the admin.
 * The token is consumed in the same transaction, so a link works exactly once.
 */
export async function acceptInvitation(rawInput: TAcceptInvitation, ctx: TContext) {
  const input = ZAcceptInvitation.parse(rawInput);
  const now = ctx.now ?? new Date();
  const record = await findUsableActionToken(db, input.token, now);
  if (!record?.organizationId) throw new ApiError("NOT_FOUND", INVALID);
  const passwordHash = await hashPassword(input.password);
  return db.$transaction(async (tx) => {
    await consumeActionToken(tx, record.id, now);
    if (record.kind === "USER_INVITE") {
      const { count } = await tx.orgUser.updateMany({
        where: { id: record.subjectId ?? "", organizationId: record.organizationId!, disabledAt: null },
        data: { passwordHash },
      });
      if (count === 0) throw new ApiError("NOT_FOUND", INVALID);
      const user = await tx.orgUser.findUniqueOrThrow({ where: { id: record.subjectId! } });
      await recordEvent(tx, { ...ctx, now, actor: { type: "USER", id: user.id, label: user.email } }, {
        action: "org_user.invitation_accepted",
        organizationId: user.organizationId,
        data: { userId: user.id },
      });
      return { email: user.email };
    }
    const email = record.email ?? input.email;
    if (!email || !input.name) throw new ApiError("INVALID_REQUEST", "Enter your name and email address");
    await assertEmailFree(tx, email);
    const user = await tx.orgUser.create({
      data: {
        organizationId: record.organizationId!,
        email,
        name: input.name,
        role: "ORG_ADMIN",
        canManageUsers: record.canManageUsers,
        canDeactivateSeats: record.canDeactivateSeats,
        passwordHash,
        createdAt: now,
      },
    });
    await tx.actionToken.update({ where: { id: record.id }, data: { subjectId: user.id } });
    await recordEvent(tx, { ...ctx, now, actor: { type: "USER", id: user.id, label: user.email } }, {
      action: "org_user.signed_up_as_admin",
      organizationId: user.organizationId,
      data: { userId: user.id, linkId: record.id, canManageUsers: user.canManageUsers, canDeactivateSeats: user.canDeactivateSeats },
    });
    return { email: user.email };
  }, TX_OPTIONS);
}
