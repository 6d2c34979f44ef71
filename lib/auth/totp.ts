/**
 * TOTP two-factor sign-in for staff (RFC 6238, 30 s steps, 6 digits: every authenticator app).
 * The seed is stored sealed (AES-GCM under SEATWISE_SECRET) and omitted from queries by default.
 * Enrolment is two steps: a pending seed is stored with totpEnabled=false, and only a correct code
 * from the app turns it on, so a half-finished enrolment can never lock anyone out.
 */
import "server-only";
import { generateSecret, generateURI, verify } from "otplib";
import QRCode from "qrcode";
import { ApiError } from "../api/errors";
import { openSecret, sealSecret } from "../crypto/secret-box";
import { db } from "../db";
import { recordEvent, type TContext } from "../events/record-event";

const PURPOSE = "staff-totp";
// One step either side: phones whose clock is up to 30 s off still sign in.
const TOLERANCE_SECONDS = 30;

export function normalizeTotpCode(input: unknown): string | null {
  const code = String(input ?? "").replace(/\s/g, "");
  return /^\d{6}$/.test(code) ? code : null;
}

export async function verifyTotpCode(secret: string, input: unknown, now = new Date()): Promise<boolean> {
  const token = normalizeTotpCode(input);
  if (!token) return false;
  try {
    const result = await verify({ secret, token, epoch: Math.floor(now.getTime() / 1000), epochTolerance: TOLERANCE_SECONDS });
    return result.valid;
  } catch {
    return false;
  }
}

async function staffSeed(staffUserId: string): Promise<{ seed: string | null; enabled: boolean; email: string }> {
  const staff = await db.staffUser.findUniqueOrThrow({ where: { id: staffUserId }, omit: { totpSecret: false } });
  return { seed: staff.totpSecret ? openSecret(staff.totpSecret, PURPOSE) : null, enabled: staff.totpEnabled, email: staff.email };
}

export async function totpStatus(staffUserId: string) {
  const staff = await db.staffUser.findUniqueOrThrow({ where: { id: staffUserId }, select: { totpEnabled: true, email: true } });
  return { enabled: staff.totpEnabled };
}

/** Starts (or restarts) enrolment: a fresh pending seed, its otpauth:// URI and a QR code (SVG data URL). */
export async function beginTotpEnrollment(staffUserId: string) {
  const current = await staffSeed(staffUserId);
  if (current.enabled) throw new ApiError("CONFLICT", "Two-factor sign-in is already on. Turn it off first to enrol a new device.");
  const secret = generateSecret();
  await db.staffUser.update({ where: { id: staffUserId }, data: { totpSecret: sealSecret(secret, PURPOSE), totpEnabled: false } });
  const uri = generateURI({ issuer: "Seatwise", label: current.email, secret });
  const svg = await QRCode.toString(uri, { type: "svg", margin: 1, errorCorrectionLevel: "M" });
  return { secret, uri, qrDataUrl: `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}` };
}

export async function confirmTotpEnrollment(staffUserId: string, code: unknown, ctx: TContext) {
  const { seed, enabled } = await staffSeed(staffUserId);
  if (enabled) throw new ApiError("CONFLICT", "Two-factor sign-in is already on");
  if (!seed) throw new ApiError("INVALID_REQUEST", "Start the set-up again: no pending authenticator");
  if (!(await verifyTotpCode(seed, code, ctx.now))) throw new ApiError("INVALID_REQUEST", "That code is not right. Check the app and try the current code.");
  await db.staffUser.update({ where: { id: staffUserId }, data: { totpEnabled: true } });
  await recordEvent(db, ctx, { action: "staff.totp_enabled" });
}

/** Turning it off needs a current code, so a stolen session alone can't remove the second factor. */
export async function disableTotp(staffUserId: string, code: unknown, ctx: TContext) {
  const { seed, enabled } = await staffSeed(staffUserId);
  if (!enabled || !seed) throw new ApiError("CONFLICT", "Two-factor sign-in is not on");
  if (!(await verifyTotpCode(seed, code, ctx.now))) throw new ApiError("INVALID_REQUEST", "That code is not right");
  await db.staffUser.update({ where: { id: staffUserId }, data: { totpEnabled: false, totpSecret: null } });
  await recordEvent(db, ctx, { action: "staff.totp_disabled" });
}

/** For sign-in: "ok" when TOTP is off or the code is right, otherwise what is missing. */
export async function checkStaffTotp(staff: { totpEnabled: boolean; totpSecret: string | null }, code: unknown, now = new Date()) {
  if (!staff.totpEnabled) return "ok" as const;
  const seed = staff.totpSecret ? openSecret(staff.totpSecret, PURPOSE) : null;
  if (!normalizeTotpCode(code)) return "required" as const;
  return seed && (await verifyTotpCode(seed, code, now)) ? ("ok" as const) : ("invalid" as const);
}
