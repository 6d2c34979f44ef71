import "server-only";
import { ApiError } from "../api/errors";
import { db, TX_OPTIONS } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import { getLicense } from "./get-license";
import type { TUpdateLicense } from "./schemas";

/** Changes are logged with before and after values; status changes get their own action names. */
export async function updateLicense(id: string, input: TUpdateLicense, ctx: TContext) {
  const now = ctx.now ?? new Date();
  await db.$transaction(async (tx) => {
    // Lock the row so a concurrent activation sees either the old or the new seat count, never a mix.
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "License" WHERE "id" = ${id} FOR UPDATE`;
    if (locked.length === 0) throw new ApiError("LICENSE_NOT_FOUND", "License not found");
    const before = await tx.license.findUniqueOrThrow({ where: { id } });
    const after = await tx.license.update({ where: { id }, data: input });
    const changes: Record<string, { from: unknown; to: unknown }> = {};
    for (const field of Object.keys(input) as (keyof TUpdateLicense)[]) {
      const from = before[field] instanceof Date ? (before[field] as Date).toISOString() : before[field];
      const to = after[field] instanceof Date ? (after[field] as Date).toISOString() : after[field];
      if (from !== to) changes[field] = { from, to };
    }
    if (Object.keys(changes).length === 0) return;
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
