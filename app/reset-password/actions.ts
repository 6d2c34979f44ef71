"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { requestIp } from "@/lib/api/request-ip";
import { resetPassword } from "@/lib/auth/reset-password";
import { describeErrorForLog } from "@/lib/security/redact";

export type TResetState =
  | { ok: true; email: string }
  | { ok: false; error: string; code: string; field?: "password" | "confirm" }
  | null;

// Length rules depend on the account (staff or portal) and are checked in lib/auth/reset-password.ts.
const ZInput = z
  .object({ token: z.string().min(1).max(200), password: z.string().max(256), confirm: z.string().max(256) })
  .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords don't match" });

export async function resetPasswordAction(_previous: TResetState, form: FormData): Promise<TResetState> {
  const parsed = ZInput.safeParse(Object.fromEntries(form.entries()));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path[0] === "confirm" ? "confirm" : "password";
    return { ok: false, error: issue.message, code: "INVALID_REQUEST", field };
  }
  try {
    const ip = requestIp(await headers());
    const { email } = await resetPassword(parsed.data.token, parsed.data.password, { actor: { type: "ANONYMOUS" }, ip });
    return { ok: true, email };
  } catch (error) {
    if (error instanceof z.ZodError) return { ok: false, error: error.issues[0]!.message, code: "INVALID_REQUEST", field: "password" };
    if (error instanceof ApiError) return { ok: false, error: error.message, code: error.code };
    console.error("[auth] password reset failed", describeErrorForLog(error));
    return { ok: false, error: "Something went wrong. Try again.", code: "INTERNAL_ERROR" };
  }
}
