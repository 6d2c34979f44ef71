"use server";

import { revalidatePath } from "next/cache";
import { ApiError } from "@/lib/api/errors";
import { requireStaffForOwnAccount } from "@/lib/security/guards";
import { beginTotpEnrollment, confirmTotpEnrollment, disableTotp } from "@/lib/auth/totp";

export type TTotpState = { ok?: string; error?: string; code?: string; enrollment?: { uri: string; secret: string; qrDataUrl: string } };

function failure(error: unknown): TTotpState {
  if (error instanceof ApiError) return { error: error.message, code: error.code };
  throw error;
}

export async function startTotpAction(): Promise<TTotpState> {
  const { user } = await requireStaffForOwnAccount();
  try {
    const { uri, secret, qrDataUrl } = await beginTotpEnrollment(user.id);
    return { enrollment: { uri, secret, qrDataUrl } };
  } catch (error) {
    return failure(error);
  }
}

export async function confirmTotpAction(_prev: TTotpState, form: FormData): Promise<TTotpState> {
  const { user, ctx } = await requireStaffForOwnAccount();
  try {
    await confirmTotpEnrollment(user.id, form.get("code"), ctx);
  } catch (error) {
    return { ..._prev, ...failure(error) };
  }
  revalidatePath("/console/settings/security");
  return { ok: "Two-factor sign-in is on. You'll be asked for a code at every sign-in." };
}

export async function disableTotpAction(_prev: TTotpState, form: FormData): Promise<TTotpState> {
  const { user, ctx } = await requireStaffForOwnAccount();
  try {
    await disableTotp(user.id, form.get("code"), ctx);
  } catch (error) {
    return failure(error);
  }
  revalidatePath("/console/settings/security");
  return { ok: "Two-factor sign-in is off." };
}
