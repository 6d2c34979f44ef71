import "server-only";
import { currentUser } from "../auth/session";
import type { TContext } from "../events/record-event";
import type { TSessionUser } from "../auth/auth-options";

export type TGuardResult = { ok: true; user: TSessionUser; ctx: TContext } | { ok: false; error: string; code: "UNAUTHORIZED" | "FORBIDDEN" };

/**
 * Server actions are public endpoints: each one checks the session itself instead of trusting the
 * page that rendered the form. Read-only staff may look but never change anything.
 */
export async function staffWhoMayChange(): Promise<TGuardResult> {
  const user = await currentUser();
  if (!user || user.kind !== "staff") return { ok: false, error: "Your session has ended. Sign in again.", code: "UNAUTHORIZED" };
  if (user.role !== "ADMIN") return { ok: false, error: "Read-only staff can't change anything. Ask an admin.", code: "FORBIDDEN" };
  return { ok: true, user, ctx: { actor: { type: "STAFF", id: user.id, label: user.email } } };
}
