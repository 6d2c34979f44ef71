import "server-only";
import type { TSessionUser } from "../auth/auth-options";
import { db } from "../db";

/**
 * The session JWT lives for hours, so role and disabled state are read from the database on every
 * request: a demoted or disabled member loses access at once, not when their cookie expires.
 */
export async function staffAccess(user: TSessionUser | null): Promise<(TSessionUser & { canEdit: boolean }) | null> {
  if (!user || user.kind !== "staff") return null;
  const record = await db.staffUser.findUnique({ where: { id: user.id }, select: { role: true, disabledAt: true, name: true } });
  if (!record || record.disabledAt) return null;
  return { ...user, name: record.name, role: record.role, canEdit: record.role === "ADMIN" };
}
