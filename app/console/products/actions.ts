"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createPolicy } from "@/lib/admin/create-policy";
import { createProduct } from "@/lib/admin/create-product";
import { ZCreateProduct } from "@/lib/admin/schemas";
import { updatePolicy } from "@/lib/admin/update-policy";
import { updateProduct } from "@/lib/admin/update-product";
import { zEntitlementList, zId, zInt, zOptionalInt } from "@/lib/console/form-schemas";
import { staffAction } from "@/lib/console/staff-action";
import { db } from "@/lib/db";

const policyFields = z.object({
  name: z.string().trim().min(1, "Name is required").max(200),
  model: z.enum(["NODE_LOCKED", "FLOATING"], { error: "Choose node-locked or floating" }),
  seats: zInt(1, 1_000_000, "Seats"),
  durationDays: zOptionalInt(1, 36_500, "Duration"),
  leaseMinutes: zInt(1, 43_200, "Lease duration"),
  kind: z.enum(["STANDARD", "EVALUATION"], { error: "Choose standard or evaluation" }).default("STANDARD"),
  evaluationDays: zOptionalInt(1, 3650, "Evaluation days"),
  goodwillSeats: zInt(0, 1_000_000, "Goodwill seats").default(0),
  deactivationCooldownHours: zInt(0, 8760, "Cooldown").default(0),
  checkInIntervalDays: zOptionalInt(1, 3650, "Check-in interval"),
  entitlements: zEntitlementList,
});

function withEvaluationDays<T extends z.ZodType<{ kind: string; evaluationDays: number | null }>>(schema: T) {
  return schema.refine((p) => p.kind !== "EVALUATION" || p.evaluationDays !== null, {
    path: ["evaluationDays"],
    message: "An evaluation policy needs its number of days",
  });
}

export const createProductAction = staffAction(ZCreateProduct, async (input, ctx) => {
  if (await db.product.findUnique({ where: { code: input.code } })) {
    return { ok: false, error: "Please fix the highlighted fields.", fieldErrors: { code: "Another product already uses this code" } };
  }
  const product = await createProduct(input, ctx);
  revalidatePath("/console/products");
  redirect(`/console/products/${product.id}`);
});

export const updateProductAction = staffAction(ZCreateProduct.extend({ id: zId }), async ({ id, ...input }, ctx) => {
  await updateProduct(id, input, ctx);
  revalidatePath(`/console/products/${id}`);
  return { ok: true, message: "Product saved." };
});

export const createPolicyAction = staffAction(withEvaluationDays(policyFields.extend({ productId: zId })), async ({ leaseMinutes, ...input }, ctx) => {
  const policy = await createPolicy({ ...input, leaseDurationSeconds: leaseMinutes * 60 }, ctx);
  revalidatePath(`/console/products/${input.productId}`);
  redirect(`/console/policies/${policy.id}`);
});

export const updatePolicyAction = staffAction(withEvaluationDays(policyFields.extend({ id: zId })), async ({ id, leaseMinutes, ...input }, ctx) => {
  await updatePolicy(id, { ...input, leaseDurationSeconds: leaseMinutes * 60 }, ctx);
  revalidatePath(`/console/policies/${id}`);
  return { ok: true, message: "Policy saved. Licenses without their own overrides follow it." };
});
