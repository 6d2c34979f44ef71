import "server-only";
import { ApiError } from "../api/errors";
import { db } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import type { TCreatePolicy } from "./schemas";

export async function createPolicy(input: TCreatePolicy, ctx: TContext) {
  const product = await db.product.findUnique({ where: { id: input.productId } });
  if (!product) throw new ApiError("NOT_FOUND", "Product not found");
  const policy = await db.policy.create({ data: { ...input, durationDays: input.durationDays ?? null } });
  await recordEvent(db, ctx, { action: "policy.created", data: { policyId: policy.id, name: policy.name } });
  return policy;
}
