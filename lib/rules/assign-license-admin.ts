import { appUrl } from "../config/app-url";
import "server-only";
import { digestToken, generateToken } from "../crypto/tokens";
import type { TTx } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import { escapeHtml } from "../mail/escape-html";
import { queueEmail } from "../mail/queue-email";

export const WELCOME_KIND = "LICENSE_ADMIN_WELCOME";
const WELCOME_TTL_MS = 7 * 86_400_000;

type TAdminLicense = { id: string; name: string | null; key: string; organizationId: string | null; administratorId: string | null; policy: { product: { name: string } } };

/** Issues a single-use set-password link for a License Administrator; only its digest is stored. */
export async function issueWelcomeLink(tx: TTx, user: { id: string; email: string; organizationId: string }, now: Date): Promise<string> {
  const token = generateToken("sw_link");
  await tx.actionToken.create({
    data: {
      kind: WELCOME_KIND,
      tokenHash: digestToken(token),
      organizationId: user.organizationId,
      email: user.email,
      subjectId: user.id,
      role: "ORG_ADMIN",
      canDeactivateSeats: true,
      canManageUsers: true,
      expiresAt: new Date(now.getTime() + WELCOME_TTL_MS),
    },
  });
  return appUrl(`/welcome/license-admin?token=${encodeURIComponent(token)}`);
}

/**
 * First activation with an `email` of a license whose organization has no admin yet: that email
 * becomes the License Administrator (an ORG_ADMIN who may deactivate seats), the organization is
 * created when the license has none, and a welcome email with a set-password link is queued — all in
 * the activation's transaction, under the license lock, so two first activations can't both claim it.
 * An email that already belongs to a portal user of another organization is left alone (logged).
 */
export async function assignLicenseAdministrator(tx: TTx, license: TAdminLicense, rawEmail: string, ctx: TContext): Promise<string | null> {
  const now = ctx.now ?? new Date();
  const email = rawEmail.trim().toLowerCase();
  const fresh = await tx.license.findUniqueOrThrow({ where: { id: license.id }, select: { administratorId: true, organizationId: true } });
  if (fresh.administratorId) return null;
  if (fresh.organizationId) {
    const admins = await tx.orgUser.count({ where: { organizationId: fresh.organizationId, role: "ORG_ADMIN", disabledAt: null } });
    if (admins > 0) return null;
  }
  const existing = await tx.orgUser.findUnique({ where: { email }, omit: { passwordHash: false } });
  if (existing && existing.organizationId !== fresh.organizationId) {
    await recordEvent(tx, { ...ctx, now }, {
      action: "license.administrator_skipped",
      licenseId: license.id,
      organizationId: fresh.organizationId,
      data: { email, reason: "The email belongs to a user of another organization" },
    });
    return null;
  }
  let organizationId = fresh.organizationId;
  if (!organizationId) {
    const org = await tx.organization.create({ data: { name: license.name ?? email } });
    organizationId = org.id;
    await recordEvent(tx, { ...ctx, now }, { action: "organization.created", organizationId, data: { name: org.name, via: "license administrator" } });
  }
  const user = existing
    ? await tx.orgUser.update({ where: { id: existing.id }, data: { role: "ORG_ADMIN", canDeactivateSeats: true, canManageUsers: true } })
    : await tx.orgUser.create({ data: { organizationId, email, name: email, role: "ORG_ADMIN", canDeactivateSeats: true, canManageUsers: true } });
  await tx.license.update({ where: { id: license.id }, data: { administratorId: user.id, organizationId } });
  await recordEvent(tx, { ...ctx, now }, {
    action: "license.administrator_assigned",
    licenseId: license.id,
    organizationId,
    data: { email, userId: user.id },
  });
  if (!existing?.passwordHash) {
    const link = await issueWelcomeLink(tx, { id: user.id, email, organizationId }, now);
    await queueEmail(tx, { kind: "license_admin_welcome", to: email, ...welcomeEmail({ product: license.policy.product.name, link }) });
  }
  return user.id;
}

export function welcomeEmail(f: { product: string; link: string }) {
  const subject = `You are the License Administrator of ${f.product}`;
  const text = [
    `Your ${f.product} license was activated with this email address, so you are now its License Administrator.`,
    "Set a password to sign in to the customer portal, where you can free seats and change the activation password:",
    f.link,
    "",
    "The link works once and expires in 7 days.",
  ].join("\n");
  const e = escapeHtml;
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a">
<h2 style="margin:0 0 12px">You are the License Administrator of ${e(f.product)}</h2>
<p>Your ${e(f.product)} license was activated with this email address, so you are now its License Administrator.</p>
<p><a href="${e(f.link)}">Set your portal password</a> to free seats and change the activation password.</p>
<p style="color:#64748b;font-size:13px">The link works once and expires in 7 days.</p>
</body></html>`;
  return { subject, text, html };
}
