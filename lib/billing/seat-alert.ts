import "server-only";
import { db, TX_OPTIONS } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import { escapeHtml } from "../mail/escape-html";
import { queueEmail } from "../mail/queue-email";
import { effectiveSender, getMailSettings } from "../mail/settings";
import { describeErrorForLog } from "../security/redact";

type TAlertLicense = { id: string; seatAlertThreshold: number | null };

/**
 * Called with the count recordSeatUsage returned, after the usage is committed. When the period's
 * consumed count has reached the license's threshold, the first caller claims the alert with one
 * conditional UPDATE (seatAlertSentAt IS NULL), and in the same transaction queues the email
 * (dedupeKey seat-alert:<periodId>) and logs license.seat_alert. Racing callers on any number of app
 * instances block on that row and then see it claimed, so the alert goes out exactly once per period;
 * a renewal opens a new period, which re-arms it.
 *
 * `>=` rather than `===`: if the process died between the usage commit and the alert, the next
 * device counted in the period still sends it. Never throws: a client API request must not fail
 * because of a notice to the vendor.
 */
export async function alertIfSeatThresholdReached(
  license: TAlertLicense,
  periodId: string | null,
  seatsConsumed: number | null,
  ctx: TContext,
): Promise<boolean> {
  if (seatsConsumed === null || !periodId || license.seatAlertThreshold === null || seatsConsumed < license.seatAlertThreshold) {
    return false;
  }
  try {
    return await sendSeatAlert(license.id, periodId, ctx);
  } catch (error) {
    console.error(`[billing] seat alert for period ${periodId} failed`, describeErrorForLog(error));
    return false;
  }
}

async function sendSeatAlert(licenseId: string, periodId: string, ctx: TContext): Promise<boolean> {
  const now = ctx.now ?? new Date();
  const settings = await getMailSettings();
  const to = settings.billingContact ?? (await fallbackRecipient());
  return db.$transaction(async (tx) => {
    // The threshold is read from the license row at claim time, so a threshold changed meanwhile counts.
    const claimed = await tx.$queryRaw<{ seatsConsumed: number; threshold: number; startsAt: Date; endsAt: Date | null }[]>`
      UPDATE "BillingPeriod" bp SET "seatAlertSentAt" = ${now}
      FROM "License" l
      WHERE bp."id" = ${periodId} AND l."id" = bp."licenseId" AND l."id" = ${licenseId}
        AND l."seatAlertThreshold" IS NOT NULL AND bp."seatsConsumed" >= l."seatAlertThreshold"
        AND bp."seatAlertSentAt" IS NULL AND bp."closedAt" IS NULL
      RETURNING bp."seatsConsumed", l."seatAlertThreshold" AS "threshold", bp."startsAt", bp."endsAt"`;
    const period = claimed[0];
    if (!period) return false;
    const license = await tx.license.findUniqueOrThrow({
      where: { id: licenseId },
      include: { organization: true, policy: { include: { product: true } } },
    });
    const seatLimit = license.seats ?? license.policy.seats;
    const customer = license.organization?.name ?? license.name ?? license.key;
    let queued = false;
    if (to) {
      queued = await queueEmail(tx, {
        kind: "seat_alert",
        dedupeKey: `seat-alert:${periodId}`,
        to,
        from: effectiveSender(settings),
        ...seatAlertEmail({ customer, product: license.policy.product.name, key: license.key, consumed: period.seatsConsumed, threshold: period.threshold, seatLimit, startsAt: period.startsAt, endsAt: period.endsAt }),
      });
    }
    await recordEvent(tx, { actor: { type: "SYSTEM", label: "seat alert" }, ip: ctx.ip, now }, {
      action: "license.seat_alert",
      licenseId,
      organizationId: license.organizationId,
      data: { periodId, seatsConsumed: period.seatsConsumed, threshold: period.threshold, seatLimit, emailedTo: queued ? to : null },
    });
    return true;
  }, TX_OPTIONS);
}

/** Without a configured billing contact the first admin hears about it, rather than nobody. */
async function fallbackRecipient(): Promise<string | null> {
  const admin = await db.staffUser.findFirst({ where: { role: "ADMIN", disabledAt: null }, orderBy: { createdAt: "asc" } });
  return admin?.email ?? null;
}

type TAlertFacts = { customer: string; product: string; key: string; consumed: number; threshold: number; seatLimit: number; startsAt: Date; endsAt: Date | null };

export function seatAlertEmail(f: TAlertFacts) {
  const day = (d: Date) => d.toISOString().slice(0, 10);
  const range = `${day(f.startsAt)} – ${f.endsAt ? day(f.endsAt) : "open-ended"}`;
  const subject = `Seat alert: ${f.customer} has used ${f.consumed} of ${f.seatLimit} seats`;
  const text = [
    `${f.customer} reached the seat alert threshold of ${f.threshold} on ${f.product}.`,
    `Seats consumed this billing period (${range}): ${f.consumed} of ${f.seatLimit} licensed.`,
    `License key: ${f.key}`,
    "",
    "You get this alert once per billing period; renewing the license re-arms it.",
  ].join("\n");
  const e = escapeHtml;
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a">
<h2 style="margin:0 0 12px">Seat alert: ${e(f.customer)}</h2>
<p>${e(f.customer)} reached the seat alert threshold of <strong>${f.threshold}</strong> on ${e(f.product)}.</p>
<table style="border-collapse:collapse">
<tr><td style="padding:2px 12px 2px 0;color:#64748b">Seats consumed</td><td><strong>${f.consumed}</strong> of ${f.seatLimit} licensed</td></tr>
<tr><td style="padding:2px 12px 2px 0;color:#64748b">Billing period</td><td>${e(range)}</td></tr>
<tr><td style="padding:2px 12px 2px 0;color:#64748b">License key</td><td><code>${e(f.key)}</code></td></tr>
</table>
<p style="color:#64748b;font-size:13px">You get this alert once per billing period; renewing the license re-arms it.</p>
</body></html>`;
  return { subject, text, html };
}
