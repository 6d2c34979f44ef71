/**
 * Guards for pages and server actions, as plain functions so the authorization matrix can call them
 * without rendering. They throw ApiError (UNAUTHORIZED / FORBIDDEN); pages turn that into a redirect.
 */
import "server-only";
import { ApiError } from "../api/errors";
import { currentUser } from "../auth/session";
import type { TSessionUser } from "../auth/auth-options";
import type { TContext } from "../events/record-event";

export type TStaffGuard = { user: TSessionUser; ctx: TContext };

function staffCtx(user: TSessionUser): TContext {
  return { actor: { type: "STAFF", id: user.id, label: user.email } };
}

/** Any signed-in staff member (admin or read-only): for reading the console. */
export async function requireStaff(user?: TSessionUser | null): Promise<TStaffGuard> {
  const u = user === undefined ? await currentUser() : user;
  if (!u || u.kind !== "staff") throw new ApiError("UNAUTHORIZED", "Sign in to the console first");
  return { user: u, ctx: staffCtx(u) };
}

/** Staff who may change data: admins only; read-only staff get FORBIDDEN. */
export async function requireStaffAdmin(user?: TSessionUser | null): Promise<TStaffGuard> {
  const guard = await requireStaff(user);
  if (guard.user.role !== "ADMIN") throw new ApiError("FORBIDDEN", "Read-only staff can't change anything");
  return guard;
}

/**
 * A staff member's own sign-in security (two-factor): every staff member, read-only included, may
 * protect their own account; it changes no vendor data.
 */
export const requireStaffForOwnAccount = requireStaff;
