"use server";

import { headers } from "next/headers";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { requestIp } from "@/lib/api/request-ip";
import { completeLicenseAdminWelcome, ZPortalPassword } from "@/lib/rules/manage-license-admin";
import { describeErrorForLog } from "../../../lib/security/redact";

export type TWelcomeState = { ok: true; email: string } | { ok: false; error: string; field?: string; code?: string } | null;

const ZInput = z.object({ token: z.string().min(1).max(200), password: ZPortalPassword, confirm: z.string() }).refine((v) => v.password === v.confirm, {
  path: ["confirm"],
  message: "The passwords don't match",
});

export async function completeWelcomeAction(_previous: TWelcomeState, form: FormData): Promise<TWelcomeState> {
  const parsed = ZInput.safeParse(Object.fromEntries(form.entries()));
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, error: issue.message, field: String(issue.path[0] ?? ""), code: "INVALID_REQUEST" };
  }
  try {
    const ip = requestIp(await headers());
    const user = await completeLicenseAdminWelcome(parsed.data.token, parsed.data.password, { actor: { type: "ANONYMOUS" }, ip });
    return { ok: true, email: user.email };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.message, code: error.code };
    console.error("license admin welcome failed", describeErrorForLog(error));
    return { ok: false, error: "Something went wrong. Try again." };
  }
}
