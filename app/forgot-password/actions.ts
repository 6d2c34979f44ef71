"use server";

import { headers } from "next/headers";
import { ApiError } from "@/lib/api/errors";
import { requestIp } from "@/lib/api/request-ip";
import { requestPasswordReset, ZResetEmail } from "@/lib/auth/request-password-reset";
import { describeErrorForLog } from "@/lib/security/redact";

// `email` on a refusal: React resets the form after an action, so the field is refilled from it.
export type TForgotState = { ok: true; email: string } | { ok: false; error: string; code: string; field?: "email"; email?: string } | null;

/** The same answer whether or not an account has the address; only bad input and rate limits differ. */
export async function requestPasswordResetAction(_previous: TForgotState, form: FormData): Promise<TForgotState> {
  const typed = String(form.get("email") ?? "").slice(0, 320);
  const parsed = ZResetEmail.safeParse(typed);
  if (!parsed.success) return { ok: false, error: parsed.error.issues[0]!.message, code: "INVALID_REQUEST", field: "email", email: typed };
  try {
    await requestPasswordReset(parsed.data, { actor: { type: "ANONYMOUS" }, ip: requestIp(await headers()) });
    return { ok: true, email: parsed.data };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.message, code: error.code, email: typed };
    console.error("[auth] password reset request failed", describeErrorForLog(error));
    return { ok: false, error: "Something went wrong. Try again.", code: "INTERNAL_ERROR" };
  }
}
