import "server-only";
import type { TDbOrTx } from "../db";
import { queueEmail } from "../mail/queue-email";
import { renderEmail } from "../mail/templates/render-email";
import { appUrl } from "../config/app-url";

export function invitationUrl(token: string): string {
  return appUrl(`/invite/${encodeURIComponent(token)}`);
}

/** Queues the invitation in the caller's transaction: the email exists exactly when the user does. */
export async function queueInvitationEmail(
  client: TDbOrTx,
  input: { to: string; name: string; organizationName: string; token: string; expiresAt: Date; invitedBy?: string | null },
) {
  const url = invitationUrl(input.token);
  const email = await renderEmail("invitation", {
    // A name that is just the address (imports without names) reads oddly as a greeting.
    name: input.name && input.name.toLowerCase() !== input.to.toLowerCase() ? input.name : null,
    organizationName: input.organizationName,
    invitedBy: input.invitedBy ?? null,
    acceptUrl: url,
    expiresAt: input.expiresAt.toISOString(),
  });
  await queueEmail(client, { kind: "invitation", to: input.to, ...email });
  return url;
}
