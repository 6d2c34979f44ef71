"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { updateLicense } from "@/lib/admin/update-license";
import { zEntitlementList, zId, zOptionalInt } from "@/lib/console/form-schemas";
import { staffAction } from "@/lib/console/staff-action";
import { issueTokenKeys } from "@/lib/rules/issue-token-keys";

function refresh(id: string) {
  revalidatePath(`/console/licenses/${id}`);
}

/** Empty override fields inherit the policy's value. */
export const updateRulesAction = staffAction(
  z.object({
    id: zId,
    goodwillSeats: zOptionalInt(0, 1_000_000, "Goodwill seats"),
    deactivationCooldownHours: zOptionalInt(0, 8760, "Cooldown"),
    checkInIntervalDays: zOptionalInt(1, 3650, "Check-in interval"),
    entitlements: zEntitlementList,
  }),
  async ({ id, ...input }, ctx) => {
    await updateLicense(id, input, ctx);
    refresh(id);
    return { ok: true, message: "Rules saved." };
  },
);

export const setActivationPasswordAction = staffAction(
  z.object({
    id: zId,
    intent: z.enum(["set", "clear"]).default("set"),
    activationPassword: z.string().max(256, "At most 256 characters").optional(),
  }).refine((v) => v.intent === "clear" || (v.activationPassword ?? "").length >= 4, {
    path: ["activationPassword"],
    message: "Use at least 4 characters",
  }),
  async ({ id, intent, activationPassword }, ctx) => {
    await updateLicense(id, { activationPassword: intent === "clear" ? null : activationPassword! }, ctx);
    refresh(id);
    return { ok: true, message: intent === "clear" ? "Activation password removed." : "Activation password set. New devices must send it." };
  },
);

export const issueTokenKeysAction = staffAction(z.object({ id: zId }), async ({ id }, ctx) => {
  const { issued, tokenKeys } = await issueTokenKeys(id, ctx);
  refresh(id);
  return { ok: true, message: issued > 0 ? `Issued ${issued} token keys.` : `All ${tokenKeys.length} token keys are already issued.` };
});
