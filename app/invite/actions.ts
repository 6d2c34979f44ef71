"use server";

import { headers } from "next/headers";
import { ApiError } from "@/lib/api/errors";
import { describeZodError } from "@/lib/api/handler";
import { requestIp } from "@/lib/api/request-ip";
import { acceptInvitation } from "@/lib/orgs/accept-invitation";
import { ZAcceptInvitation } from "@/lib/orgs/schemas";
import { describeErrorForLog } from "../../lib/security/redact";

export type TAcceptResult = { ok: true; email: string } | { ok: false; error: string; code?: string; field?: "email" | "name" | "password" };

export async function acceptInvitationAction(input: { token: string; password: string; email?: string; name?: string }): Promise<TAcceptResult> {
  const parsed = ZAcceptInvitation.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path[0];
    return { ok: false, error: describeZodError(parsed.error).replace(/^\w+: /, ""), field: field === "email" || field === "name" || field === "password" ? field : undefined };
  }
  try {
    const ip = requestIp(await headers());
    const { email } = await acceptInvitation(parsed.data, { actor: { type: "ANONYMOUS" }, ip });
    return { ok: true, email };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.message, code: error.code, field: error.code === "CONFLICT" ? "email" : undefined };
    console.error("[invite] accept failed", describeErrorForLog(error));
    return { ok: false, error: "Something went wrong. Try again." };
  }
}
