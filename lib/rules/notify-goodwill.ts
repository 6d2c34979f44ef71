import "server-only";
import { appUrl } from "../config/app-url";
import { db, TX_OPTIONS } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import { countSeatsInUse } from "../licensing/count-seats";
import { queueEmail } from "../mail/queue-email";
import { renderEmail } from "../mail/templates/render-email";
import { recipientsFor } from "../notifications/recipients";
import { describeErrorForLog } from "../security/redact";

/**
 * Tells the audience chosen in Settings → Emails (the vendor's billing contact by default) that a
 * license went into its goodwill seats, once per license per billing period: the first caller claims
 * BillingPeriod.goodwillNotifiedAt with a conditional UPDATE and the emails' dedupeKeys
 * (goodwill:<periodId>:<address>) make a second message impossible anyway.
 * Called after the activation committed; never throws (a vendor notice must not fail a client request).
 */
export async function notifyGoodwillUsed(licenseId: string, periodId: string | null, ctx: TContext): Promise<boolean> {
  if (!periodId) return false;
  const now = ctx.now ?? new Date();
  try {
    return await db.$transaction(async (tx) => {
      const claimed = await tx.billingPeriod.updateMany({
        where: { id: periodId, licenseId, goodwillNotifiedAt: null },
        data: { goodwillNotifiedAt: now },
      });
      if (claimed.count === 0) return false;
      const license = await tx.license.findUniqueOrThrow({
        where: { id: licenseId },
        include: { organization: true, policy: { include: { product: true } } },
      });
      const limit = license.seats ?? license.policy.seats;
      const goodwill = license.goodwillSeats ?? license.policy.goodwillSeats;
      const [overage, seatsInUse, recipients] = await Promise.all([
        tx.activation.count({ where: { licenseId, overage: true, deactivatedAt: null } }),
        countSeatsInUse(tx, licenseId, now),
        recipientsFor("goodwill_in_use", license, tx),
      ]);
      const email = await renderEmail("goodwill_in_use", {
        customer: license.organization?.name ?? license.name ?? license.key,
        product: license.policy.product.name,
        licenseKey: license.key,
        consoleUrl: appUrl(`/console/licenses/${license.id}`),
        seatsInUse,
        seatLimit: limit,
        goodwillSeats: goodwill,
      });
      const emailedTo: string[] = [];
      for (const to of recipients) {
        if (await queueEmail(tx, { kind: "goodwill_in_use", dedupeKey: `goodwill:${periodId}:${to}`, to, ...email })) emailedTo.push(to);
      }
      await recordEvent(tx, { actor: { type: "SYSTEM", label: "goodwill notice" }, ip: ctx.ip, now }, {
        action: "license.goodwill_notice",
        licenseId,
        organizationId: license.organizationId,
        // seatLimit/goodwillSeats/seatsInUse are the documented license.goodwill_used webhook payload.
        data: { periodId, limit, goodwill, overage, seatsInUse, seatLimit: limit, goodwillSeats: goodwill, emailedTo },
      });
      return true;
    }, TX_OPTIONS);
  } catch (error) {
    console.error(`[rules] goodwill notice for license ${licenseId} failed`, describeErrorForLog(error));
    return false;
  }
}
