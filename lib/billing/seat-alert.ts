import "server-only";
import { db, TX_OPTIONS } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import { appUrl } from "../config/app-url";
import { queueEmail } from "../mail/queue-email";
import { effectiveSender, getMailSettings } from "../mail/settings";
import { renderEmail } from "../mail/templates/render-email";
import { recipientsFor } from "../notifications/recipients";
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
    // Who hears about it is a setting (Settings → Emails): the vendor's billing contact by default.
    const recipients = await recipientsFor("seat_alert", license, tx);
    const email = await renderEmail("seat_alert", {
      customer,
      product: license.policy.product.name,
      licenseKey: license.key,
      consoleUrl: appUrl(`/console/licenses/${license.id}`),
      seatsConsumed: period.seatsConsumed,
      threshold: period.threshold,
      seatLimit,
      periodStart: period.startsAt.toISOString(),
      periodEnd: period.endsAt?.toISOString() ?? null,
    });
    const emailedTo: string[] = [];
    for (const to of recipients) {
      const queued = await queueEmail(tx, { kind: "seat_alert", dedupeKey: `seat-alert:${periodId}:${to}`, to, from: effectiveSender(settings), ...email });
      if (queued) emailedTo.push(to);
    }
    await recordEvent(tx, { actor: { type: "SYSTEM", label: "seat alert" }, ip: ctx.ip, now }, {
      action: "license.seat_alert",
      licenseId,
      organizationId: license.organizationId,
      data: { periodId, seatsConsumed: period.seatsConsumed, threshold: period.threshold, seatLimit, emailedTo },
    });
    return true;
  }, TX_OPTIONS);
}
