"use server";

import { revalidatePath } from "next/cache";
import { requireAdminStaff } from "@/lib/auth/staff-context";
import { rotateSigningKey } from "@/lib/signing/rotate-signing-key";
import { describeErrorForLog } from "../../lib/security/redact";

export type TRotateResult = { ok: true; keyId: string } | { ok: false; message: string };

export async function rotateSigningKeyAction(): Promise<TRotateResult> {
  const staff = await requireAdminStaff();
  if (!staff.ok) return staff;
  try {
    const { keyId } = await rotateSigningKey(staff.ctx);
    revalidatePath("/console/settings/signing-key");
    return { ok: true, keyId };
  } catch (error) {
    console.error("[signing-key] rotation failed", describeErrorForLog(error));
    return { ok: false, message: "The key could not be rotated. Nothing was changed; try again." };
  }
}
