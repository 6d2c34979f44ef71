import "server-only";
import { z } from "zod";
import { ApiError } from "../api/errors";
import { hashPassword } from "../crypto/passwords";
import { digestToken } from "../crypto/tokens";
import { db, TX_OPTIONS } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import { queueEmail } from "../mail/queue-email";
import { renderEmail } from "../mail/templates/render-email";
import { WELCOME_KIND } from "./assign-license-admin";

export const ZPortalPassword = z.string().min(10, "Use at least 10 characters").max(200);
export const ZActivationPassword = z.string().min(4, "Use at least 4 characters").max(256);

/**
 * Redeems a License Administrator's welcome link: sets their portal password. Single use (the
 * conditional update on usedAt) and expiring; the link's token is only ever stored as a digest.
 */
export async function completeLicenseAdminWelcome(token: string, password: string, ctx: TContext) {
  const now = ctx.now ?? new Date();
  const passwordHash = await hashPassword(ZPortalPassword.parse(password));
  return db.$transaction(async (tx) => {
    const row = await tx.actionToken.findUnique({ where: { tokenHash: digestToken(token) } });
    if (!row || row.kind !== WELCOME_KIND || !row.subjectId) throw new ApiError("NOT_FOUND", "This link is not valid");
    if (row.usedAt) throw new ApiError("CONFLICT", "This link was already used; sign in or reset your password");
    if (row.expiresAt <= now) throw new ApiError("CONFLICT", "This link has expired; ask your vendor for a new one");
    const { count } = await tx.actionToken.updateMany({ where: { id: row.id, usedAt: null }, data: { usedAt: now } });
    if (count === 0) throw new ApiError("CONFLICT", "This link was already used");
    const user = await tx.orgUser.update({ where: { id: row.subjectId }, data: { passwordHash } });
    await recordEvent(tx, { ...ctx, now, actor: { type: "USER", id: user.id, label: user.email } }, {
      action: "user.password_set",
      organizationId: user.organizationId,
      data: { via: "license administrator welcome" },
    });
    return { userId: user.id, email: user.email, organizationId: user.organizationId };
  }, TX_OPTIONS);
}

/** The license's administrator, or an ORG_ADMIN of its organization, may manage it in the portal. */
async function assertMayAdminister(licenseId: string, userId: string) {
  const [license, user] = await Promise.all([
    db.license.findUnique({
      where: { id: licenseId },
      select: { id: true, organizationId: true, administratorId: true, policy: { select: { product: { select: { name: true } } } } },
    }),
    db.orgUser.findUnique({ where: { id: userId } }),
  ]);
  if (!license || !user || user.disabledAt) throw new ApiError("NOT_FOUND", "License not found");
  const allowed = license.administratorId === user.id || (user.role === "ORG_ADMIN" && user.organizationId === license.organizationId);
  if (!allowed) throw new ApiError("FORBIDDEN", "Only the License Administrator can change this");
  return { license, user };
}

/** Sets (or with null removes) the activation password; logged without the password. */
export async function changeActivationPassword(licenseId: string, userId: string, password: string | null, ctx: TContext) {
  const { license, user } = await assertMayAdminister(licenseId, userId);
  const hash = password === null ? null : await hashPassword(ZActivationPassword.parse(password));
  await db.$transaction(async (tx) => {
    await tx.license.update({ where: { id: licenseId }, data: { activationPasswordHash: hash } });
    await recordEvent(tx, ctx, {
      action: "license.updated",
      licenseId,
      organizationId: license.organizationId,
      data: { changes: { activationPassword: { from: "hidden", to: hash ? "set" : "none" } }, by: user.email },
    });
  }, TX_OPTIONS);
}

/**
 * Changes the License Administrator's email (their portal sign-in). The old address is told, so a
 * hijacked session can't quietly take the license over.
 */
export async function changeAdministratorEmail(licenseId: string, userId: string, rawEmail: string, ctx: TContext) {
  const email = z.email("Enter a valid email address").max(320).parse(rawEmail.trim()).toLowerCase();
  const { license, user } = await assertMayAdminister(licenseId, userId);
  if (license.administratorId !== user.id) throw new ApiError("FORBIDDEN", "Only the License Administrator can change their email");
  if (email === user.email) return { email };
  if (await db.orgUser.findUnique({ where: { email } })) throw new ApiError("CONFLICT", "Another portal user already has this email");
  const now = ctx.now ?? new Date();
  const notice = await renderEmail("admin_email_changed", {
    previousEmail: user.email,
    newEmail: email,
    product: license.policy.product.name,
    changedAt: now.toISOString(),
    ip: ctx.ip ?? null,
  });
  await db.$transaction(async (tx) => {
    // A License Administrator's name starts out as their email (assign-license-admin.ts): keep it in step.
    await tx.orgUser.update({ where: { id: user.id }, data: { email, ...(user.name === user.email ? { name: email } : {}) } });
    await recordEvent(tx, { ...ctx, now }, {
      action: "license.administrator_email_changed",
      licenseId,
      organizationId: license.organizationId,
      data: { from: user.email, to: email },
    });
    await queueEmail(tx, { kind: "admin_email_changed", to: user.email, ...notice });
  }, TX_OPTIONS);
  return { email };
}
