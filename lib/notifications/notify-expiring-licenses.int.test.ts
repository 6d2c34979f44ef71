import { beforeEach, describe, expect, it } from "vitest";
import { updateLicense } from "../admin/update-license";
import { db, TX_OPTIONS } from "../db";
import { recordEvent } from "../events/record-event";
import { queueEmail } from "../mail/queue-email";
import { makeLicense, staffCtx } from "../test/factories";
import { createWebhookEndpoint } from "../webhooks/endpoints";
import { markExpiryNoticesSent, notifyExpiringLicenses, setExpiryNoticeDays } from "./notify-expiring-licenses";
import { recipientsFor, setRecipientSettings } from "./recipients";

const DAY = 86_400_000;
const T0 = new Date("2027-03-01T09:00:00.000Z");
const at = (days: number) => new Date(T0.getTime() + days * DAY);

async function licenseExpiringIn(days: number) {
  const made = await makeLicense({ license: { expiresAt: at(days) } });
  const admin = await db.orgUser.create({ data: { organizationId: made.organization.id, email: `admin-${made.license.id}@customer.test`, name: "Org Admin", role: "ORG_ADMIN" } });
  await db.orgUser.create({ data: { organizationId: made.organization.id, email: `member-${made.license.id}@customer.test`, name: "Member" } });
  return { ...made, admin };
}

const eventsOf = (licenseId: string, action: string) => db.event.findMany({ where: { licenseId, action } });

beforeEach(async () => {
  await db.webhookEndpoint.deleteMany();
  await db.setting.upsert({ where: { key: "mail" }, create: { key: "mail", value: { billingContact: "billing@vendor.test" } }, update: { value: { billingContact: "billing@vendor.test" } } });
  await setRecipientSettings({ seat_alert: "vendor", goodwill_in_use: "vendor", license_expiring: "both", license_expired: "both", lease_denials: "both" });
  await setExpiryNoticeDays([30, 7]);
});

describe("expiry notices", () => {
  it("sends one notice per threshold and one when expired, to the vendor and the org admins, however often it runs", async () => {
    const { license, admin } = await licenseExpiringIn(20);
    await createWebhookEndpoint({ url: "http://127.0.0.1:3349/unused", events: ["license.expiring_soon", "license.expired"] }, staffCtx);

    await notifyExpiringLicenses({ now: T0 });
    await Promise.all([1, 2, 3].map(() => notifyExpiringLicenses({ now: at(1) })));
    const first = await db.emailMessage.findMany({ where: { dedupeKey: { startsWith: `license-expiring:${license.id}` } } });
    expect(first.map((m) => m.to).sort()).toEqual([admin.email, "billing@vendor.test"].sort());
    expect(first[0]!.subject).toBe("Your Test Product license expires in 20 days");
    expect(first[0]!.text).toContain(license.key);
    expect(await eventsOf(license.id, "license.expiring_soon")).toHaveLength(1);
    expect((await eventsOf(license.id, "license.expiring_soon"))[0]!.data).toMatchObject({ daysLeft: 20, thresholdDays: 30 });

    await notifyExpiringLicenses({ now: at(14) }); // 6 days left: the 7-day notice
    await notifyExpiringLicenses({ now: at(15) });
    expect(await eventsOf(license.id, "license.expiring_soon")).toHaveLength(2);
    expect(await db.emailMessage.count({ where: { kind: "license_expiring", dedupeKey: { contains: license.id } } })).toBe(4);

    await Promise.all([notifyExpiringLicenses({ now: at(20.5) }), notifyExpiringLicenses({ now: at(21) })]);
    expect(await eventsOf(license.id, "license.expired")).toHaveLength(1);
    expect(await db.emailMessage.count({ where: { kind: "license_expired", dedupeKey: { contains: license.id } } })).toBe(2);
    // Each event fanned out as a webhook in the same transaction.
    expect((await db.webhookDelivery.findMany()).map((d) => d.eventType).sort()).toEqual(["license.expired", "license.expiring_soon", "license.expiring_soon"]);
  });

  it("reads licenses a page at a time and misses none, ties on the expiry date included", async () => {
    // A far-future T so other tests' licenses stay out of the window.
    const base = new Date("2031-06-01T09:00:00.000Z");
    const made = [];
    for (const days of [3, 3, 3, 10, 10, -2, 20]) made.push(await makeLicense({ license: { expiresAt: new Date(base.getTime() + days * DAY) } }));
    const result = await notifyExpiringLicenses({ now: base, pageSize: 2 });
    expect(result).toMatchObject({ expiring: 6, expired: 1 });
    for (const { license } of made) {
      expect(await db.event.count({ where: { licenseId: license.id, action: { in: ["license.expiring_soon", "license.expired"] } } })).toBe(1);
    }
    expect(await notifyExpiringLicenses({ now: base, pageSize: 2 })).toMatchObject({ expiring: 0, expired: 0 });
  });

  it("only sends the nearest threshold to a license first seen late, and re-arms after a renewal", async () => {
    const { license } = await licenseExpiringIn(3);
    await notifyExpiringLicenses({ now: T0 });
    const events = await eventsOf(license.id, "license.expiring_soon");
    expect(events.map((e) => (e.data as { thresholdDays: number }).thresholdDays)).toEqual([7]);

    await updateLicense(license.id, { expiresAt: at(25) }, staffCtx);
    await notifyExpiringLicenses({ now: at(1) });
    expect(await eventsOf(license.id, "license.expiring_soon")).toHaveLength(2);
  });

  it("follows the recipients setting", async () => {
    const { license, admin, organization } = await licenseExpiringIn(5);
    await setRecipientSettings({ seat_alert: "vendor", goodwill_in_use: "vendor", license_expiring: "org_admins", license_expired: "vendor", lease_denials: "both" });
    expect(await recipientsFor("license_expiring", { organizationId: organization.id })).toEqual([admin.email]);
    expect(await recipientsFor("license_expired", { organizationId: organization.id })).toEqual(["billing@vendor.test"]);
    expect(await recipientsFor("lease_denials", { organizationId: null })).toEqual(["billing@vendor.test"]);
    await notifyExpiringLicenses({ now: T0 });
    expect((await db.emailMessage.findMany({ where: { dedupeKey: { contains: license.id } } })).map((m) => m.to)).toEqual([admin.email]);
  });

  it("ignores licenses that expired long ago, suspended ones, and perpetual ones", async () => {
    const old = await licenseExpiringIn(-40);
    const suspended = await licenseExpiringIn(5);
    await updateLicense(suspended.license.id, { status: "SUSPENDED" }, staffCtx);
    const perpetual = await makeLicense({ license: { expiresAt: null } });
    await notifyExpiringLicenses({ now: T0 });
    for (const id of [old.license.id, suspended.license.id, perpetual.license.id]) {
      expect(await db.notice.count({ where: { licenseId: id } })).toBe(0);
    }
  });
});

describe("atomic with the change that caused them", () => {
  async function change(licenseId: string, fail: boolean) {
    await db.$transaction(async (tx) => {
      await tx.license.update({ where: { id: licenseId }, data: { notes: "changed" } });
      await recordEvent(tx, staffCtx, { action: "license.updated", licenseId, data: { changes: { notes: { from: null, to: "changed" } } } });
      await queueEmail(tx, { kind: "test", to: "ops@vendor.test", subject: "changed", html: "<p>changed</p>", text: "changed", dedupeKey: `atomic:${licenseId}` });
      if (fail) throw new Error("the change failed after everything was queued");
    }, TX_OPTIONS);
  }

  it("rolls back the webhook delivery and the email with the change, and keeps both when it commits", async () => {
    const { license } = await makeLicense();
    await createWebhookEndpoint({ url: "http://127.0.0.1:3349/unused" }, staffCtx);
    const before = await db.webhookDelivery.count();

    await expect(change(license.id, true)).rejects.toThrow("the change failed");
    expect(await db.webhookDelivery.count()).toBe(before);
    expect(await db.emailMessage.count({ where: { dedupeKey: `atomic:${license.id}` } })).toBe(0);
    expect(await db.event.count({ where: { licenseId: license.id, action: "license.updated" } })).toBe(0);
    expect((await db.license.findUniqueOrThrow({ where: { id: license.id } })).notes).toBeNull();

    await change(license.id, false);
    expect(await db.webhookDelivery.count({ where: { eventType: "license.updated", orderingKey: license.id } })).toBe(1);
    expect(await db.emailMessage.count({ where: { dedupeKey: `atomic:${license.id}` } })).toBe(1);
  });

  it("an event recorded outside a transaction still gets its deliveries atomically (its own transaction)", async () => {
    const { license } = await makeLicense();
    await createWebhookEndpoint({ url: "http://127.0.0.1:3349/unused", events: ["activation.refused"] }, staffCtx);
    await recordEvent(db, staffCtx, { action: "activation.refused", licenseId: license.id, data: { code: "SEAT_LIMIT_REACHED", fingerprint: "x" } });
    await recordEvent(db, staffCtx, { action: "activation.heartbeat", licenseId: license.id });
    await recordEvent(db, staffCtx, { action: "activation.created", licenseId: license.id, data: { fingerprint: "y" } });
    expect((await db.webhookDelivery.findMany()).map((d) => d.eventType)).toEqual(["activation.refused"]);
  });

  it("marks the notices already due as sent without emailing, and still notifies what comes due later", async () => {
    const base = new Date("2033-01-10T09:00:00.000Z");
    const day = (d: number) => new Date(base.getTime() + d * DAY);
    const expired = await makeLicense({ license: { expiresAt: day(-3) } });
    const soon = await makeLicense({ license: { expiresAt: day(20) } });
    const later = await makeLicense({ license: { expiresAt: day(40) } });
    const ids = [expired, soon, later].map((m) => m.license.id);
    const mailFor = () => db.emailMessage.count({ where: { OR: ids.map((id) => ({ dedupeKey: { contains: id } })) } });

    expect(await markExpiryNoticesSent({ now: base })).toBe(2);
    expect(await markExpiryNoticesSent({ now: base })).toBe(0);
    await notifyExpiringLicenses({ now: base });
    expect(await mailFor()).toBe(0);
    expect(await db.event.count({ where: { licenseId: { in: ids }, action: { in: ["license.expiring_soon", "license.expired"] } } })).toBe(0);

    // Ten days on, the later license enters the 30-day window and the other reaches 7 days: both go out.
    await notifyExpiringLicenses({ now: day(14) });
    expect(await eventsOf(later.license.id, "license.expiring_soon")).toHaveLength(1);
    expect(await eventsOf(soon.license.id, "license.expiring_soon")).toHaveLength(1);
    expect(await eventsOf(expired.license.id, "license.expired")).toHaveLength(0);
  });
});
