"use server";

import { revalidatePath } from "next/cache";
import { ApiError } from "@/lib/api/errors";
import { requireStaffAdmin } from "@/lib/auth/require-staff";
import { currentUser } from "@/lib/auth/session";
import { revokeLease } from "@/lib/licensing/revoke-lease";
import type { TRevokeState } from "@/components/licenses/lease-list";

export async function revokeLeaseAction(_prev: TRevokeState, form: FormData): Promise<TRevokeState> {
  const licenseId = String(form.get("licenseId") ?? "");
  const activationId = String(form.get("activationId") ?? "");
  const staff = await requireStaffAdmin();
  if (!staff) return { error: "Only staff admins can revoke leases.", code: (await currentUser())?.kind === "staff" ? "FORBIDDEN" : "UNAUTHORIZED" };
  try {
    await revokeLease(licenseId, activationId, staff.ctx);
  } catch (error) {
    if (error instanceof ApiError) return { error: error.code === "ACTIVATION_NOT_FOUND" ? "This lease was already released." : error.message, code: error.code };
    throw error;
  }
  revalidatePath(`/console/licenses/${licenseId}/leases`);
  return { ok: true };
}
