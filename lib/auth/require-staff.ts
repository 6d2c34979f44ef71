import "server-only";
import { db } from "../db";
import type { TContext } from "../events/record-event";
import { currentUser } from "./session";

/**
 * The signed-in staff member for a server action that changes data, re-read from the database:
 * a JWT issued before a demotion or a disable must not keep write access. Null when not allowed.
 */
export async function requireStaffAdmin(): Promise<{ id: string; email: string; ctx: TContext } | null> {
  const user = await currentUser();
  if (!user || user.kind !== "staff") return null;
  const staff = await db.staffUser.findUnique({ where: { id: user.id }, select: { id: true, email: true, role: true, disabledAt: true } });
  if (!staff || staff.disabledAt || staff.role !== "ADMIN") return null;
  return { id: staff.id, email: staff.email, ctx: { actor: { type: "STAFF", id: staff.id, label: staff.email } } };
}
