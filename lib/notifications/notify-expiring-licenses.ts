import { appUrl } from "../config/app-url";
import "server-only";
import { db as defaultDb, TX_OPTIONS, type TDb } from "../db";
import { recordEvent } from "../events/record-event";
import type { Prisma } from "../generated/prisma/client";
import { queueEmail } from "../mail/queue-email";
import { renderEmail, type TRenderedEmail } from "../mail/templates/render-email";
import { recipientsFor } from "./recipients";

const DAY_MS = 86_400_000;
export const DEFAULT_EXPIRY_NOTICE_DAYS = [30, 7];
/** Licenses that expired longer ago than this get no "expired" notice (e.g. on the first run after an upgrade). */
export const EXPIRED_LOOKBACK_DAYS = 30;
const SETTING_KEY = "notifications.expiryNoticeDays";

/** Notice thresholds in days, largest first, from the Setting (default 30 and 7). */
export async function expiryNoticeDays(client: TDb = defaultDb): Promise<number[]> {
  const row = await client.setting.findUnique({ where: { key: SETTING_KEY } });
  const value = Array.isArray(row?.value) ? row.value : DEFAULT_EXPIRY_NOTICE_DAYS;
  const days = value.filter((d): d is number => Number.isInteger(d) && (d as number) > 0 && (d as number) <= 365);
  return [...new Set(days.length > 0 ? days : DEFAULT_EXPIRY_NOTICE_DAYS)].sort((a, b) => b - a);
}

export async function setExpiryNoticeDays(days: number[], client: TDb = defaultDb): Promise<void> {
  const value = [...new Set(days)].sort((a, b) => b - a);
  await client.setting.upsert({ where: { key: SETTING_KEY }, create: { key: SETTING_KEY, value }, update: { value } });
}


type TNotice = {
  key: string;
  licenseId: string;
  action: "license.expiring_soon" | "license.expired";
  data: Record<string, string | number>;
  render: () => Promise<TRenderedEmail>;
  kind: "license_expiring" | "license_expired";
  organizationId: string | null;
};

/**
 * Queues one email per recipient and logs one event per license and threshold ("expires in 30 days",
 * "in 7 days", "expired"). A Notice row keyed by license, expiry date and threshold is inserted in the
 * same transaction as the emails and the event, so however many app instances run this job, and
 * however often, each notice goes out exactly once; a renewal (new expiry date) re-arms them.
 * A license first seen inside several thresholds only gets the nearest one.
 */
export async function notifyExpiringLicenses(options: { now?: Date; client?: TDb; pageSize?: number } = {}) {
  const client = options.client ?? defaultDb;
  const now = options.now ?? new Date();
  const result = { expiring: 0, expired: 0, emails: 0 };
  await forEachPageOfNotices(client, now, options.pageSize, (notices) => notifyPage(client, notices, now, result));
  return result;
}

/**
 * Records every notice due by `now` as already sent, without an email or an event. For a data set
 * loaded all at once (the benchmark's 100,000 licenses): a server running all along would have sent
 * these over the past month, and sending them now would render thousands of emails on the server
 * while it is being measured. Licenses that come due later are notified as usual.
 */
export async function markExpiryNoticesSent(options: { now?: Date; client?: TDb } = {}): Promise<number> {
  const client = options.client ?? defaultDb;
  const now = options.now ?? new Date();
  let marked = 0;
  await forEachPageOfNotices(client, now, undefined, async (notices) => {
    if (notices.length === 0) return;
    const data = notices.map((n) => ({ key: n.key, kind: n.kind, licenseId: n.licenseId, createdAt: now }));
    marked += (await client.notice.createMany({ data, skipDuplicates: true })).count;
  });
  return marked;
}

async function forEachPageOfNotices(client: TDb, now: Date, pageSize = 500, each: (notices: TNotice[]) => Promise<void>) {
  const thresholds = await expiryNoticeDays(client);
  // A page at a time: with many licenses near expiry, reading and mapping them all at once blocked the
  // server's event loop (about a quarter of a second at 7,500 licenses), stalling every API request.
  let after: { expiresAt: Date; id: string } | null = null;
  for (;;) {
    const page: TExpiringLicense[] = await client.license.findMany({
      where: {
        status: "ACTIVE",
        expiresAt: { gt: new Date(now.getTime() - EXPIRED_LOOKBACK_DAYS * DAY_MS), lte: new Date(now.getTime() + thresholds[0]! * DAY_MS) },
        ...(after ? { OR: [{ expiresAt: { gt: after.expiresAt } }, { expiresAt: after.expiresAt, id: { gt: after.id } }] } : {}),
      },
      select: EXPIRING_LICENSE_SELECT,
      orderBy: [{ expiresAt: "asc" }, { id: "asc" }],
      take: pageSize,
    });
    await each(noticesFor(page, thresholds, now));
    if (page.length < pageSize) return;
    const last = page[page.length - 1]!;
    after = { expiresAt: last.expiresAt!, id: last.id };
  }
}

const EXPIRING_LICENSE_SELECT = {
  id: true,
  key: true,
  name: true,
  expiresAt: true,
  organizationId: true,
  organization: { select: { name: true } },
  policy: { select: { product: { select: { name: true } } } },
} satisfies Prisma.LicenseSelect;

type TExpiringLicense = Prisma.LicenseGetPayload<{ select: typeof EXPIRING_LICENSE_SELECT }>;

function noticesFor(licenses: TExpiringLicense[], thresholds: number[], now: Date): TNotice[] {
  const notices: TNotice[] = [];
  for (const license of licenses) {
    const expiresAt = license.expiresAt!;
    const facts = {
      customer: license.organization?.name ?? license.name ?? license.key,
      product: license.policy.product.name,
      licenseKey: license.key,
      consoleUrl: appUrl(`/console/licenses/${license.id}`),
    };
    if (expiresAt <= now) {
      notices.push({
        key: `license-expired:${license.id}:${expiresAt.toISOString()}`,
        licenseId: license.id,
        organizationId: license.organizationId,
        action: "license.expired",
        kind: "license_expired",
        data: { expiresAt: expiresAt.toISOString() },
        render: () => renderEmail("license_expired", { ...facts, expiredAt: expiresAt.toISOString() }),
      });
      continue;
    }
    const daysLeft = Math.ceil((expiresAt.getTime() - now.getTime()) / DAY_MS);
    const threshold = [...thresholds].reverse().find((days) => daysLeft <= days);
    if (threshold === undefined) continue;
    notices.push({
      key: `license-expiring:${license.id}:${expiresAt.toISOString()}:${threshold}`,
      licenseId: license.id,
      organizationId: license.organizationId,
      action: "license.expiring_soon",
      kind: "license_expiring",
      data: { expiresAt: expiresAt.toISOString(), daysLeft, thresholdDays: threshold },
      render: () => renderEmail("license_expiring", { ...facts, expiresAt: expiresAt.toISOString(), daysLeft }),
    });
  }
  return notices;
}

async function notifyPage(client: TDb, notices: TNotice[], now: Date, result: { expiring: number; expired: number; emails: number }) {
  // Skip what earlier runs already sent before rendering anything.
  const sent = new Set(
    (await client.notice.findMany({ where: { key: { in: notices.map((n) => n.key) } }, select: { key: true } })).map((n) => n.key),
  );
  for (const notice of notices.filter((n) => !sent.has(n.key))) {
    const email = await notice.render();
    const to = await recipientsFor(notice.kind, notice, client);
    const emails = await client.$transaction(async (tx) => {
      const claimed = await tx.$executeRaw`
        INSERT INTO "Notice" ("key", "kind", "licenseId", "createdAt") VALUES (${notice.key}, ${notice.kind}, ${notice.licenseId}, ${now})
        ON CONFLICT ("key") DO NOTHING`;
      if (claimed === 0) return null;
      let queued = 0;
      for (const address of to) {
        if (await queueEmail(tx, { kind: notice.kind, to: address, dedupeKey: `${notice.key}:${address}`, ...email })) queued += 1;
      }
      await recordEvent(tx, { actor: { type: "SYSTEM", label: "expiry notices" }, now }, {
        action: notice.action,
        licenseId: notice.licenseId,
        organizationId: notice.organizationId,
        data: { ...notice.data, emailedTo: to },
      });
      return queued;
    }, TX_OPTIONS);
    if (emails === null) continue;
    result.emails += emails;
    result[notice.action === "license.expired" ? "expired" : "expiring"] += 1;
  }
}
