import "server-only";
import { ApiError } from "../api/errors";
import { db, TX_OPTIONS } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import { getLicense } from "./get-license";
import { hashPassword } from "../crypto/passwords";
import type { TUpdateLicense } from "./schemas";

/** Changes are logged with before and after values; status changes get their own action names. */
export async function updateLicense(id: string, input: TUpdateLicense, ctx: TContext) {
  const now = ctx.now ?? new Date();
  const { activationPassword, ...fields } = input;
  // Hashed before the row lock: argon2 is slow on purpose and must not hold up activations.
  const passwordHash = activationPassword === undefined ? undefined : activationPassword === null ? null : await hashPassword(activationPassword);
  await db.$transaction(async (tx) => {
    // Lock the row so a concurrent activation sees either the old or the new seat count, never a mix.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "License" WHERE "id" = ${id} FOR UPDATE`;
    if (locked.length === 0) throw new ApiError("LICENSE_NOT_FOUND", "License not found");
    const omit = { activationPasswordHash: false } as const;
    const before = await tx.license.findUniqueOrThrow({ where: { id }, omit });
    const after = await tx.license.update({
      where: { id },
      data: { ...fields, ...(passwordHash !== undefined ? { activationPasswordHash: passwordHash } : {}) },
      omit,
    });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of Object.keys(fields) as (keyof typeof fields)[]) {
      const from = loggable(before[field]);
      const to = loggable(after[field]);
      if (JSON.stringify(from) !== JSON.stringify(to)) changes[field] = { from, to };
    }
    // Never the hash itself: only whether a password was set, changed or removed.
    if (passwordHash !== undefined && (before.activationPasswordHash !== null || passwordHash !== null)) {
      changes.activationPassword = { from: before.activationPasswordHash ? "set" : "none", to: passwordHash ? (before.activationPasswordHash ? "changed" : "set") : "none" };
    }
    if (Object.keys(changes).length === 0) return;
    // Editing the expiry corrects the current term, so the open billing period ends with it; only a
    // renewal starts a new period. A period never ends before it starts.
    if (changes.expiresAt && after.currentPeriodId) {
      const period = await tx.billingPeriod.findUnique({ where: { id: after.currentPeriodId } });
      if (period && !period.closedAt) {
        const endsAt = after.expiresAt && after.expiresAt < period.startsAt ? period.startsAt : after.expiresAt;
        await tx.billingPeriod.update({ where: { id: period.id }, data: { endsAt } });
        changes.periodEnd = { from: loggable(period.endsAt), to: loggable(endsAt) };
      }
    }
    let action = "license.updated";
    if (changes.status) action = after.status === "SUSPENDED" ? "license.suspended" : "license.reinstated";
    await recordEvent(tx, { ...ctx, now }, {
      action,
      licenseId: id,
      organizationId: after.organizationId,
      data: { changes } as never,
    });
  }, TX_OPTIONS);
  return getLicense(id, now);
}

function loggable(value: unknown): unknown {
  return value instanceof Date ? value.toISOString() : value;
}
