import "server-only";
import type { TDbOrTx } from "../db";
import { queueEmail } from "../mail/queue-email";
import { appUrl } from "../config/app-url";

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!);
}

export function invitationUrl(token: string): string {
  return appUrl(`/invite/${encodeURIComponent(token)}`);
}

/** Queues the invitation in the caller's transaction: the email exists exactly when the user does. */
export async function queueInvitationEmail(
  client: TDbOrTx,
  input: { to: string; name: string; organizationName: string; token: string; expiresAt: Date; invitedBy?: string | null },
) {
  const url = invitationUrl(input.token);
  const expires = input.expiresAt.toUTCString();
  const by = input.invitedBy ? ` by ${input.invitedBy}` : "";
  const text = [
    `Hello ${input.name},`,
    "",
    `You have been invited${by} to ${input.organizationName} on Seatwise.`,
    "Open this link to choose your password (it works once and expires " + expires + "):",
    "",
    url,
    "",
    "Afterwards, sign in to the application with your email address and this password.",
    "If you did not expect this invitation, you can ignore this email.",
  ].join("\n");
  const html = `<p>Hello ${escapeHtml(input.name)},</p>
<p>You have been invited${escapeHtml(by)} to <strong>${escapeHtml(input.organizationName)}</strong> on Seatwise.</p>
<p><a href="${escapeHtml(url)}">Choose your password</a> — the link works once and expires ${escapeHtml(expires)}.</p>
<p>Afterwards, sign in to the application with your email address and this password.</p>
<p style="color:#64748b">If you did not expect this invitation, you can ignore this email.</p>`;
  await queueEmail(client, { kind: "invitation", to: input.to, subject: `You're invited to ${input.organizationName} on Seatwise`, html, text });
  return url;
}
