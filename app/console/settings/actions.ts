"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { zId, zOptionalInt } from "@/lib/console/form-schemas";
import { issueApiToken, revokeApiToken } from "@/lib/console/manage-api-tokens";
import { createStaff, updateStaff } from "@/lib/console/manage-staff";
import { staffAction } from "@/lib/console/staff-action";

const zRole = z.enum(["ADMIN", "READ_ONLY"], { error: "Choose a role" });

export const createStaffAction = staffAction(
  z.object({
    name: z.string().trim().min(1, "Name is required").max(200),
    email: z.email("Enter a valid email address").max(320),
    role: zRole,
    password: z.string().min(12, "At least 12 characters").max(256),
  }),
  async (input, ctx) => {
    const staff = await createStaff(input, ctx);
    revalidatePath("/console/settings/staff");
    return { ok: true, message: `${staff.email} can now sign in with the initial password. Ask them to keep it private.` };
  },
);

export const updateStaffAction = staffAction(
  z.object({ id: zId, role: zRole.optional(), disabled: z.enum(["true", "false"]).optional() }),
  async ({ id, role, disabled }, ctx) => {
    await updateStaff(id, { role, disabled: disabled === undefined ? undefined : disabled === "true" }, ctx);
    revalidatePath("/console/settings/staff");
    return { ok: true, message: "Saved." };
  },
);

export const createTokenAction = staffAction(
  z.object({ name: z.string().trim().min(1, "Name is required").max(100), expiresInDays: zOptionalInt(1, 3650, "Expiry") }),
  async (input, ctx) => {
    const { token, id } = await issueApiToken(input, ctx.staff.id, ctx);
    revalidatePath("/console/settings/tokens");
    return { ok: true, message: "Token created", data: { token, id } };
  },
);

export const revokeTokenAction = staffAction(z.object({ id: zId }), async ({ id }, ctx) => {
  await revokeApiToken(id, ctx);
  revalidatePath("/console/settings/tokens");
  return { ok: true, message: "Revoked." };
});
