import "server-only";
import { appUrl } from "../config/app-url";
import { db, TX_OPTIONS, type TDbOrTx, type TTx } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import { findLicenseById, type TLicenseWithPolicy } from "../licensing/find-license";
import { isFloating } from "../licensing/lease-rules";
import { seatLimit } from "../licensing/license-rules";
import { queueEmail } from "../mail/queue-email";
import { renderEmail } from "../mail/templates/render-email";
import { describeErrorForLog } from "../security/redact";
import { recipientsFor } from "./recipients";

const SETTING_KEY = "notifications.leaseDenialThreshold";
export const DEFAULT_LEASE_DENIAL_THRESHOLD = 10;
export const MAX_LEASE_DENIAL_THRESHOLD = 100_000;
const DAY_MS = 86_400_000;

/** Refused floating checkouts per license per UTC day that trigger the notice; 0 turns it off. */
export async function leaseDenialThreshold(client: TDbOrTx = db): Promise<number> {
  const row = await client.setting.findUnique({ where: { key: SETTING_KEY } });
  const value = row?.value;
  return typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= MAX_LEASE_DENIAL_THRESHOLD ? value : DEFAULT_LEASE_DENIAL_THRESHOLD;
}

export async function setLeaseDenialThreshold(value: number, client: TDbOrTx = db): Promise<void> {
  await client.setting.upsert({ where: { key: SETTING_KEY }, create: { key: SETTING_KEY, value }, update: { value } });
}

type TRefusal = { code: string; fingerprint: string; via?: "heartbeat"; activationId?: string };

/**
 * Records a refused activation (the `activation.refused` event the concurrency report counts) and,
 * for a floating license's SEAT_LIMIT_REACHED, the lease-denial notice in the same transaction:
 * when the license's refusals in the current UTC day first reach the threshold, one Notice row
 * (lease-denials:<licenseId>:<day>) is claimed, one email per recipient queued and one
 * `license.lease_denials` event logged. Never throws for the notice's sake: if that part fails the
 * refusal is still recorded on its own, because a client's 409 must not turn into a 500.
 */
export async function recordActivationRefusal(license: TLicenseWithPolicy, refusal: TRefusal, ctx: TContext): Promise<void> {
  const now = ctx.now ?? new Date();
  const { activationId, ...data } = refusal;
  const event = { action: "activation.refused", licenseId: license.id, activationId, organizationId: license.organizationId, data };
  if (refusal.code !== "SEAT_LIMIT_REACHED" || !isFloating(license)) return recordEvent(db, { ...ctx, now }, event);
  try {
    await db.$transaction(async (tx) => {
      const armed = await leaseDenialNoticeArmed(tx, license.id, now);
      await recordEvent(tx, { ...ctx, now }, event);
      if (armed) await noticeIfThresholdReached(tx, license, armed, ctx, now);
    }, TX_OPTIONS);
  } catch (error) {
    console.error(`[notifications] lease-denial notice for license ${license.id} failed`, describeErrorForLog(error));
    await recordEvent(db, { ...ctx, now }, event);
  }
}

/** The UTC calendar day of `now` as YYYY-MM-DD, and where it starts and ends. */
export function utcDay(now: Date) {
  const start = new Date(Math.floor(now.getTime() / DAY_MS) * DAY_MS);
  return { day: start.toISOString().slice(0, 10), start, end: new Date(start.getTime() + DAY_MS) };
}

/**
 * Null when there is nothing to do (notice off, or already sent today: one primary-key lookup, so
 * denials after the notice cost nothing more). Otherwise takes a transaction-scoped advisory lock
 * on the license's day, so concurrent denials are counted one after the other and exactly the Nth
 * one sends the notice; the lock is not the license row's, so activations never wait on it.
 */
async function leaseDenialNoticeArmed(tx: TTx, licenseId: string, now: Date) {
  const threshold = await leaseDenialThreshold(tx);
  if (threshold === 0) return null;
  const { day, start, end } = utcDay(now);
  const key = `lease-denials:${licenseId}:${day}`;
  if (await tx.notice.findUnique({ where: { key }, select: { key: true } })) return null;
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${key}, 0))`;
  return { threshold, key, day, start, end };
}

async function noticeIfThresholdReached(
  tx: TTx,
  license: TLicenseWithPolicy,
  armed: NonNullable<Awaited<ReturnType<typeof leaseDenialNoticeArmed>>>,
  ctx: TContext,
  now: Date,
): Promise<void> {
  const denials = await tx.event.count({
    where: {
      licenseId: license.id,
      action: "activation.refused",
      createdAt: { gte: armed.start, lt: armed.end },
      data: { path: ["code"], equals: "SEAT_LIMIT_REACHED" },
    },
  });
  // `>=`: a threshold lowered during the day, or a notice whose transaction failed, fires on the next denial.
  if (denials < armed.threshold) return;
  const claimed = await tx.$executeRaw`
    INSERT INTO "Notice" ("key", "kind", "licenseId", "createdAt") VALUES (${armed.key}, 'lease_denials', ${license.id}, ${now})
    ON CONFLICT ("key") DO NOTHING`;
  if (claimed === 0) return;
  // Fresh: the caller's copy was read before the refusal (an org or seat count may have changed since).
  const fresh = (await findLicenseById(license.id, tx)) ?? license;
  const recipients = await recipientsFor("lease_denials", fresh, tx);
  const limit = seatLimit(fresh);
  const email = await renderEmail("lease_denials", {
    customer: fresh.organization?.name ?? fresh.name ?? fresh.key,
    product: fresh.policy.product.name,
    licenseKey: fresh.key,
    consoleUrl: appUrl(`/console/licenses/${license.id}/concurrency`),
    denials,
    threshold: armed.threshold,
    day: armed.start.toISOString(),
    seatLimit: limit,
  });
  const emailedTo: string[] = [];
  for (const to of recipients) {
    if (await queueEmail(tx, { kind: "lease_denials", to, dedupeKey: `${armed.key}:${to}`, ...email })) emailedTo.push(to);
  }
  await recordEvent(tx, { actor: { type: "SYSTEM", label: "lease denial notice" }, ip: ctx.ip, now }, {
    action: "license.lease_denials",
    licenseId: license.id,
    organizationId: fresh.organizationId,
    data: { day: armed.day, denials, threshold: armed.threshold, seatLimit: limit, emailedTo },
  });
}
