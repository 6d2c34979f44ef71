import { appUrl } from "../config/app-url";
import "server-only";
import { digestToken, generateToken } from "../crypto/tokens";
import type { TTx } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import { queueEmail } from "../mail/queue-email";
import { renderEmail } from "../mail/templates/render-email";

export const WELCOME_KIND = "LICENSE_ADMIN_WELCOME";
const WELCOME_TTL_MS = 7 * 86_400_000;

type TAdminLicense = { id: string; name: string | null; key: string; organizationId: string | null; administratorId: string | null; policy: { product: { name: string } } };

/** Issues a single-use set-password link for a License Administrator; only its digest is stored. */
export async function issueWelcomeLink(tx: TTx, user: { id: string; email: string; organizationId: string }, now: Date) {
  const token = generateToken("sw_link");
  const expiresAt = new Date(now.getTime() + WELCOME_TTL_MS);
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
      expiresAt,
    },
  });
  return { url: appUrl(`/welcome/license-admin?token=${encodeURIComponent(token)}`), expiresAt };
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
  let organizationName = organizationId ? (await tx.organization.findUniqueOrThrow({ where: { id: organizationId }, select: { name: true } })).name : null;
  if (!organizationId) {
    const org = await tx.organization.create({ data: { name: license.name ?? email } });
    organizationId = org.id;
    organizationName = org.name;
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
    const welcome = await renderEmail("admin_welcome", {
      name: user.name && user.name !== email ? user.name : null,
      organizationName: organizationName ?? email,
      setupUrl: link.url,
      expiresAt: link.expiresAt.toISOString(),
      products: [license.policy.product.name],
    });
    await queueEmail(tx, { kind: "admin_welcome", to: email, ...welcome });
  }
  return user.id;
}
