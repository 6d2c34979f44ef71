import "server-only";
import { ApiError } from "../api/errors";
import { db } from "../db";
import { digestToken, generateToken } from "../crypto/tokens";
import { verifyPassword } from "../crypto/passwords";
import { checkStaffTotp } from "./totp";
import { assertSignInAllowed, clearSignInFailures, recordSignInFailure } from "../rate-limit/sign-in-throttle";
import type { StaffRole } from "../generated/prisma/client";

export type TAdminPrincipal = { tokenId: string; staffUserId: string | null; role: StaffRole; label: string };

/** Creates an admin API token; the token is returned once and only its digest is stored. */
export async function createApiToken(input: { name: string; staffUserId: string | null; expiresAt?: Date | null }) {
  const token = generateToken("sw_admin");
  const record = await db.apiToken.create({
    data: {
      name: input.name,
      tokenHash: digestToken(token),
      prefix: token.slice(0, 14),
      staffUserId: input.staffUserId,
      expiresAt: input.expiresAt ?? null,
    },
  });
  return { token, record };
}

/** Staff email and password (HTTP Basic) for the one route that mints tokens; throttled like the sign-in form. */
export async function authenticateStaffPassword(email: string, password: string, ip: string | null = null, totp?: string | null) {
  await assertSignInAllowed("api-token", email, ip);
  const staff = await db.staffUser.findUnique({ where: { email: email.toLowerCase() }, omit: { passwordHash: false, totpSecret: false } });
  const ok = await verifyPassword(staff?.passwordHash, password);
  if (!staff || !ok || staff.disabledAt) {
    await recordSignInFailure("api-token", email, ip);
    throw new ApiError("INVALID_CREDENTIALS", "Wrong email or password");
  }
  // Two-factor staff can't skip the second factor by minting a token instead of signing in.
  const second = await checkStaffTotp(staff, totp);
  if (second !== "ok") {
    if (second === "invalid") await recordSignInFailure("api-token", email, ip);
    throw new ApiError("INVALID_CREDENTIALS", "This account uses two-factor sign-in: send the current code in the X-Seatwise-TOTP header");
  }
  await clearSignInFailures("api-token", email);
  const { passwordHash: _hash, totpSecret: _seed, ...rest } = staff;
  return rest;
}

export async function authenticateApiToken(token: string, now = new Date()): Promise<TAdminPrincipal> {
  if (!token.startsWith("sw_admin_")) throw new ApiError("UNAUTHORIZED", "A valid admin API token is required");
  const record = await db.apiToken.findUnique({
    where: { tokenHash: digestToken(token) },
    include: { staffUser: { select: { role: true, email: true, disabledAt: true } } },
  });
  if (!record || record.revokedAt || (record.expiresAt && record.expiresAt <= now) || record.staffUser?.disabledAt) {
    throw new ApiError("UNAUTHORIZED", "This API token is unknown, revoked or expired");
  }
  // Last-used is informational: refresh it at most once a minute to keep reads cheap.
  if (!record.lastUsedAt || now.getTime() - record.lastUsedAt.getTime() > 60_000) {
    await db.apiToken.update({ where: { id: record.id }, data: { lastUsedAt: now } });
  }
  return {
    tokenId: record.id,
    staffUserId: record.staffUserId,
    role: record.staffUser?.role ?? "ADMIN",
    label: `token:${record.name}${record.staffUser ? ` (${record.staffUser.email})` : ""}`,
  };
}
