import "server-only";
import { z } from "zod";
import { appUrl } from "../config/app-url";
import { digestToken, generateToken } from "../crypto/tokens";
import { db, TX_OPTIONS } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import { queueEmail } from "../mail/queue-email";
import { renderEmail } from "../mail/templates/render-email";
import { enforcePasswordResetLimits } from "../rate-limit/enforce-rate-limit";

export const PASSWORD_RESET_KIND = "PASSWORD_RESET";
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;

export const ZResetEmail = z
  .string()
  .trim()
  .toLowerCase()
  .pipe(z.email("Enter a valid email address").max(320, "Enter a valid email address"));

/** What the request did, for tests and the audit log only: callers must show every outcome the same way. */
export type TResetRequestOutcome = "sent" | "unknown" | "disabled";

/**
 * "Forgot your password?": emails a single-use, one-hour link to the staff member or portal user who
 * has this address. The answer never tells whether an account exists: an unknown or disabled address
 * does the same work (both lookups, rendering the email, one transaction with an audit event) and
 * only skips the token and the message. Rate limited per IP and per email (RATE_LIMITED).
 * The token is stored as a digest; organizationId tells the account kind (null: staff).
 */
export async function requestPasswordReset(rawEmail: string, ctx: TContext): Promise<TResetRequestOutcome> {
  const email = ZResetEmail.parse(rawEmail);
  const now = ctx.now ?? new Date();
  await enforcePasswordResetLimits({ ip: ctx.ip ?? null, email });
  // Emails are unique across staff and portal users (see auth-options.ts): at most one matches.
  const [staff, orgUser] = await Promise.all([
    db.staffUser.findUnique({ where: { email }, select: { id: true, name: true, disabledAt: true } }),
    db.orgUser.findUnique({ where: { email }, select: { id: true, name: true, disabledAt: true, organizationId: true } }),
  ]);
  const account = staff
    ? { kind: "staff" as const, id: staff.id, name: staff.name, disabledAt: staff.disabledAt, organizationId: null }
    : orgUser
      ? { kind: "org" as const, ...orgUser }
      : null;
  const outcome: TResetRequestOutcome = !account ? "unknown" : account.disabledAt ? "disabled" : "sent";

  const token = generateToken("sw_link");
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_TTL_MS);
  const message = await renderEmail("password_reset", {
    // A name that is just the address (License Administrators start out that way) adds nothing.
    name: account && account.name !== email ? account.name : null,
    resetUrl: appUrl(`/reset-password?token=${encodeURIComponent(token)}`),
    expiresAt: expiresAt.toISOString(),
    ip: ctx.ip ?? null,
  });

  await db.$transaction(async (tx) => {
    if (account && outcome === "sent") {
      await tx.actionToken.create({
        data: {
          kind: PASSWORD_RESET_KIND,
          tokenHash: digestToken(token),
          organizationId: account.organizationId,
          email,
          subjectId: account.id,
          expiresAt,
        },
      });
      await queueEmail(tx, { kind: "password_reset", to: email, ...message });
    }
    const prefix = account?.kind === "staff" ? "staff" : account ? "org_user" : "auth";
    await recordEvent(tx, { ...ctx, now, actor: { type: "ANONYMOUS", label: email } }, {
      action: `${prefix}.password_reset_requested`,
      organizationId: account?.organizationId ?? null,
      data: { email, outcome, ...(account ? { userId: account.id } : {}) },
    });
  }, TX_OPTIONS);
  return outcome;
}
