import "server-only";
import { ApiError } from "../api/errors";
import { hashPassword } from "../crypto/passwords";
import { db, TX_OPTIONS } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import type { StaffRole } from "../generated/prisma/client";

export type TCreateStaff = { email: string; name: string; role: StaffRole; password: string };

/** Adds a staff member with an initial password they are told to change; logged without the password. */
export async function createStaff(input: TCreateStaff, ctx: TContext) {
  const email = input.email.trim().toLowerCase();
  if (await db.staffUser.findUnique({ where: { email } })) throw new ApiError("CONFLICT", "A staff member with this email already exists");
  const staff = await db.staffUser.create({
    data: { email, name: input.name, role: input.role, passwordHash: await hashPassword(input.password) },
  });
  await recordEvent(db, ctx, { action: "staff.created", data: { staffId: staff.id, email, role: staff.role } });
  return staff;
}

/**
 * Role changes and disabling. Nobody can lock themselves out, and the last enabled admin stays an
 * admin, so the console always has someone who can manage it.
 */
export async function updateStaff(id: string, input: { role?: StaffRole; disabled?: boolean }, ctx: TContext) {
  if (ctx.actor.id === id) throw new ApiError("FORBIDDEN", "You can't change your own role or disable yourself");
  return db.$transaction(async (tx) => {
    const before = await tx.staffUser.findUnique({ where: { id } });
    if (!before) throw new ApiError("NOT_FOUND", "Staff member not found");
    const losesAdmin = before.role === "ADMIN" && !before.disabledAt && (input.role === "READ_ONLY" || input.disabled === true);
    if (losesAdmin && (await tx.staffUser.count({ where: { role: "ADMIN", disabledAt: null } })) <= 1) {
      throw new ApiError("CONFLICT", "This is the last admin; make someone else an admin first");
    }
    const disabledAt = input.disabled === undefined ? undefined : input.disabled ? (before.disabledAt ?? ctx.now ?? new Date()) : null;
    const after = await tx.staffUser.update({ where: { id }, data: { role: input.role, disabledAt } });
    await recordEvent(tx, ctx, {
      action: input.disabled === true ? "staff.disabled" : input.disabled === false ? "staff.enabled" : "staff.role_changed",
      data: { staffId: id, email: after.email, role: { from: before.role, to: after.role } },
    });
    // A disabled member's API tokens stop working at once (authenticateApiToken checks disabledAt too).
    return after;
  }, TX_OPTIONS);
}

export function listStaff() {
  return db.staffUser.findMany({ orderBy: [{ disabledAt: { sort: "desc", nulls: "first" } }, { name: "asc" }] });
}
