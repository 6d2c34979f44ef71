"use server";

import { revalidatePath } from "next/cache";
import { headers } from "next/headers";
import { z } from "zod";
import type { TRevokeState } from "@/components/licenses/lease-list";
import { ApiError } from "@/lib/api/errors";
import { requestIp } from "@/lib/api/request-ip";
import { revokeOrgLease } from "@/lib/portal/revoke-org-lease";
import { orgActorOrThrow } from "@/lib/portal/session";
import { describeErrorForLog } from "@/lib/security/redact";

const ZRevoke = z.object({ licenseId: z.string().min(1).max(64), activationId: z.string().min(1).max(64) });

/** Revoke from the portal's lease page: every check (session, admin, organization, permission) is in revokeOrgLease. */
export async function revokeOrgLeaseAction(_prev: TRevokeState, form: FormData): Promise<TRevokeState> {
  const input = ZRevoke.safeParse({ licenseId: form.get("licenseId"), activationId: form.get("activationId") });
  if (!input.success) return { error: "This lease could not be identified. Reload the page.", code: "INVALID_REQUEST" };
  const { licenseId, activationId } = input.data;
  try {
    const actor = await orgActorOrThrow();
    await revokeOrgLease(actor, licenseId, activationId, requestIp(await headers()));
  } catch (error) {
    if (error instanceof ApiError) return { error: error.code === "ACTIVATION_NOT_FOUND" ? "This lease was already released." : error.message, code: error.code };
    console.error("[portal] revoking a lease failed", describeErrorForLog(error));
    return { error: "Something went wrong. Try again.", code: "INTERNAL_ERROR" };
  }
  revalidatePath(`/portal/licenses/${licenseId}/leases`);
  return { ok: true };
}
