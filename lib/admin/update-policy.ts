import "server-only";
import { ApiError } from "../api/errors";
import { db } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import type { TUpdatePolicy } from "./schemas";

/** Policy changes apply to every license on the policy that has no override of its own. */
export async function updatePolicy(id: string, input: TUpdatePolicy, ctx: TContext) {
  const before = await db.policy.findUnique({ where: { id } });
  if (!before) throw new ApiError("NOT_FOUND", "Policy not found");
  const data = { ...input, durationDays: input.durationDays === undefined ? undefined : (input.durationDays ?? null) };
  const policy = await db.policy.update({ where: { id }, data });
  const changes: Record<string, { from: unknown; to: unknown }> = {};
  for (const field of Object.keys(input) as (keyof TUpdatePolicy)[]) {
    if (JSON.stringify(before[field]) !== JSON.stringify(policy[field])) changes[field] = { from: before[field], to: policy[field] };
  }
  if (Object.keys(changes).length > 0) {
    await recordEvent(db, ctx, { action: "policy.updated", data: { policyId: id, changes } as never });
  }
  return policy;
}
