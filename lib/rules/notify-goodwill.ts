import "server-only";
import { db, TX_OPTIONS } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import { escapeHtml } from "../mail/escape-html";
import { queueEmail } from "../mail/queue-email";
import { effectiveSender, getMailSettings } from "../mail/settings";
import { describeErrorForLog } from "../security/redact";

/**
 * Emails the vendor's billing contact that a license went into its goodwill seats, once per license
 * per billing period: the first caller claims BillingPeriod.goodwillNotifiedAt with a conditional
 * UPDATE and the email's dedupeKey (goodwill:<periodId>) makes a second message impossible anyway.
 * Called after the activation committed; never throws (a vendor notice must not fail a client request).
 */
export async function notifyGoodwillUsed(licenseId: string, periodId: string | null, ctx: TContext): Promise<boolean> {
  if (!periodId) return false;
  const now = ctx.now ?? new Date();
  try {
    const settings = await getMailSettings();
    const to = settings.billingContact ?? (await firstAdminEmail());
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
      const overage = await tx.activation.count({ where: { licenseId, overage: true, deactivatedAt: null } });
      const customer = license.organization?.name ?? license.name ?? license.key;
      const queued = to
        ? await queueEmail(tx, {
            kind: "goodwill_used",
            dedupeKey: `goodwill:${periodId}`,
            to,
            from: effectiveSender(settings),
            ...goodwillEmail({ customer, product: license.policy.product.name, key: license.key, limit, goodwill, overage }),
          })
        : false;
      await recordEvent(tx, { actor: { type: "SYSTEM", label: "goodwill notice" }, ip: ctx.ip, now }, {
        action: "license.goodwill_notice",
        licenseId,
        organizationId: license.organizationId,
        data: { periodId, limit, goodwill, overage, emailedTo: queued ? to : null },
      });
      return true;
    }, TX_OPTIONS);
  } catch (error) {
    console.error(`[rules] goodwill notice for license ${licenseId} failed`, describeErrorForLog(error));
    return false;
  }
}

async function firstAdminEmail(): Promise<string | null> {
  const admin = await db.staffUser.findFirst({ where: { role: "ADMIN", disabledAt: null }, orderBy: { createdAt: "asc" } });
  return admin?.email ?? null;
}

type TFacts = { customer: string; product: string; key: string; limit: number; goodwill: number; overage: number };

export function goodwillEmail(f: TFacts) {
  const subject = `Goodwill seats in use: ${f.customer} is over its ${f.limit}-seat limit`;
  const text = [
    `${f.customer} activated more devices than its ${f.limit} licensed seats on ${f.product}.`,
    `Overage seats in use: ${f.overage} of ${f.goodwill} goodwill seats. Beyond that, activations are refused.`,
    `License key: ${f.key}`,
    "",
    "You get this notice once per billing period; consider offering the customer more seats.",
  ].join("\n");
  const e = escapeHtml;
  const html = `<!doctype html><html><body style="font-family:system-ui,sans-serif;color:#0f172a">
<h2 style="margin:0 0 12px">Goodwill seats in use: ${e(f.customer)}</h2>
<p>${e(f.customer)} activated more devices than its <strong>${f.limit}</strong> licensed seats on ${e(f.product)}.</p>
<p>Overage seats in use: <strong>${f.overage}</strong> of ${f.goodwill} goodwill seats. Beyond that, activations are refused.</p>
<p>License key: <code>${e(f.key)}</code></p>
<p style="color:#64748b;font-size:13px">You get this notice once per billing period; consider offering the customer more seats.</p>
</body></html>`;
  return { subject, text, html };
}
