import "server-only";
import { assertSignInAllowed, clearSignInFailures, recordSignInFailure } from "../rate-limit/sign-in-throttle";
import { ApiError } from "../api/errors";
import { verifyPassword } from "../crypto/passwords";
import { digestToken, generateToken } from "../crypto/tokens";
import { db } from "../db";
import { recordEvent, type TContext } from "../events/record-event";

export const USER_TOKEN_TTL_MS = 12 * 60 * 60 * 1000;

export type TUserPrincipal = {
  userId: string;
  organizationId: string;
  email: string;
  name: string;
  role: "ORG_ADMIN" | "MEMBER";
  tokenId: string;
};

/** Email + password → a short-lived user token for client apps. Disabled or unknown users get the same answer. */
export async function issueUserToken(email: string, password: string, ctx: TContext) {
  const now = ctx.now ?? new Date();
  const normalized = email.trim().toLowerCase();
  // Same brute-force protection as the console sign-in: refused before the password is even checked.
  await assertSignInAllowed("portal", normalized, ctx.ip ?? null);
  const user = await db.orgUser.findUnique({
    where: { email: normalized },
    omit: { passwordHash: false },
    include: { organization: { select: { id: true, name: true } } },
  });
  const ok = await verifyPassword(user?.passwordHash, password);
  if (!user || !ok || user.disabledAt) {
    await recordEvent(db, { ...ctx, now, actor: { type: "ANONYMOUS", label: normalized } }, {
      action: "user_token.refused",
      organizationId: user?.organizationId ?? null,
      data: { email: normalized },
    });
    await recordSignInFailure("portal", normalized, ctx.ip ?? null);
    throw new ApiError("INVALID_CREDENTIALS", "Wrong email or password");
  }
  await clearSignInFailures("portal", normalized);
  const token = generateToken("sw_user");
  const expiresAt = new Date(now.getTime() + USER_TOKEN_TTL_MS);
  const record = await db.userToken.create({ data: { userId: user.id, tokenHash: digestToken(token), expiresAt, createdAt: now } });
  await recordEvent(db, { ...ctx, now, actor: { type: "USER", id: user.id, label: user.email } }, {
    action: "user_token.issued",
    organizationId: user.organizationId,
    data: { tokenId: record.id },
  });
  return {
    token,
    expiresAt: expiresAt.toISOString(),
    user: { id: user.id, email: user.email, name: user.name, role: user.role },
    organization: user.organization,
  };
}

/** Resolves a bearer user token; revoked, expired, or belonging to a removed or disabled user → 401. */
export async function authenticateUserToken(token: string, now = new Date()): Promise<TUserPrincipal> {
  if (!token.startsWith("sw_user_")) throw new ApiError("UNAUTHORIZED", "A valid user token is required");
  const record = await db.userToken.findUnique({
    where: { tokenHash: digestToken(token) },
    include: { user: { select: { id: true, email: true, name: true, role: true, organizationId: true, disabledAt: true } } },
  });
  if (!record || record.revokedAt || record.expiresAt <= now || record.user.disabledAt) {
    throw new ApiError("UNAUTHORIZED", "This user token is unknown, revoked or expired: sign in again");
  }
  const { user } = record;
  return { userId: user.id, organizationId: user.organizationId, email: user.email, name: user.name, role: user.role, tokenId: record.id };
}

/** Ends a token early (the app's "sign out"). */
export async function revokeUserToken(tokenId: string, now = new Date()) {
  await db.userToken.updateMany({ where: { id: tokenId, revokedAt: null }, data: { revokedAt: now } });
}
