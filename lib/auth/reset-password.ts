import "server-only";
import { z } from "zod";
import { ApiError } from "../api/errors";
import { hashPassword } from "../crypto/passwords";
import { digestToken } from "../crypto/tokens";
import { db, TX_OPTIONS, type TDbOrTx } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import { ZPortalPassword } from "../rules/manage-license-admin";
import { PASSWORD_RESET_KIND } from "./request-password-reset";

/** Staff passwords follow the console's staff form (at least 12 characters), portal ones the portal's (10). */
export const ZStaffPassword = z.string().min(12, "Use at least 12 characters").max(256);

export type TResetAccountKind = "staff" | "org";

export type TResetLinkView =
  | { status: "usable"; kind: TResetAccountKind; email: string; minLength: number; expiresAt: string }
  | { status: "unknown" | "used" | "expired" };

const MESSAGES = {
  unknown: "This reset link is not valid. Open the link from your email again (the whole link), or ask for a new one.",
  used: "This reset link was already used, or a newer reset changed your password. Sign in, or ask for a new link.",
  expired: "This reset link has expired: links work for one hour. Ask for a new one.",
} as const;

export function resetLinkMessage(status: keyof typeof MESSAGES): string {
  return MESSAGES[status];
}

const passwordRule = (kind: TResetAccountKind) => (kind === "staff" ? ZStaffPassword : ZPortalPassword);

async function lookup(client: TDbOrTx, token: string, now: Date) {
  const row = token.startsWith("sw_link_") ? await client.actionToken.findUnique({ where: { tokenHash: digestToken(token) } }) : null;
  if (!row || row.kind !== PASSWORD_RESET_KIND || !row.subjectId || !row.email) return { status: "unknown" as const };
  if (row.usedAt) return { status: "used" as const };
  if (row.expiresAt <= now) return { status: "expired" as const };
  const kind: TResetAccountKind = row.organizationId ? "org" : "staff";
  const where = { id: row.subjectId, email: row.email, disabledAt: null };
  // The account must still be the one the link was sent to: not disabled, not renamed to another address.
  const account = kind === "staff" ? await client.staffUser.findFirst({ where, select: { id: true } }) : await client.orgUser.findFirst({ where, select: { id: true } });
  if (!account) return { status: "unknown" as const };
  return { status: "usable" as const, row, kind };
}

/** What the reset page shows for a link; never throws for a bad link. */
export async function describeResetLink(token: string, now = new Date()): Promise<TResetLinkView> {
  const found = await lookup(db, token, now);
  if (found.status !== "usable") return { status: found.status };
  return {
    status: "usable",
    kind: found.kind,
    email: found.row.email!,
    minLength: found.kind === "staff" ? 12 : 10,
    expiresAt: found.row.expiresAt.toISOString(),
  };
}

/**
 * Redeems a reset link: sets the new password (argon2id), makes every other unused reset link of
 * the account unusable and revokes a portal user's app sign-ins (user tokens). Single use by a conditional update on usedAt, so of two racing submissions
 * exactly one wins. TOTP is left as it is: staff with two-factor sign-in still need their code.
 */
export async function resetPassword(token: string, password: string, ctx: TContext) {
  const now = ctx.now ?? new Date();
  const first = await lookup(db, token, now);
  if (first.status !== "usable") throw refusal(first.status);
  const passwordHash = await hashPassword(passwordRule(first.kind).parse(password));
  return db.$transaction(async (tx) => {
    const found = await lookup(tx, token, now);
    if (found.status !== "usable") throw refusal(found.status);
    const { row, kind } = found;
    const claimed = await tx.actionToken.updateMany({ where: { id: row.id, usedAt: null, expiresAt: { gt: now } }, data: { usedAt: now } });
    if (claimed.count === 0) throw refusal("used");
    await tx.actionToken.updateMany({ where: { kind: PASSWORD_RESET_KIND, subjectId: row.subjectId, usedAt: null }, data: { usedAt: now } });
    const select = { id: true, email: true } as const;
    const user =
      kind === "staff"
        ? await tx.staffUser.update({ where: { id: row.subjectId! }, data: { passwordHash }, select })
        : await tx.orgUser.update({ where: { id: row.subjectId! }, data: { passwordHash }, select });
    const organizationId = row.organizationId;
    // App sign-ins made with the old password end too: a reset is how a leaked password gets fixed.
    const revoked = kind === "org" ? (await tx.userToken.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } })).count : 0;
    await recordEvent(tx, { ...ctx, now, actor: { type: kind === "staff" ? "STAFF" : "USER", id: user.id, label: user.email } }, {
      action: kind === "staff" ? "staff.password_reset" : "org_user.password_reset",
      organizationId,
      data: { userId: user.id, via: "reset link", ...(kind === "org" ? { revokedUserTokens: revoked } : {}) },
    });
    return { kind, email: user.email };
  }, TX_OPTIONS);
}

function refusal(status: "unknown" | "used" | "expired"): ApiError {
  return status === "unknown" ? new ApiError("NOT_FOUND", MESSAGES.unknown) : new ApiError("TOKEN_ALREADY_USED", MESSAGES[status]);
}
