import { describe, expect, it } from "vitest";
import { POST as renewRoute } from "@/app/api/v1/admin/licenses/[id]/renew/route";
import { GET as usageRoute } from "@/app/api/v1/admin/licenses/[id]/usage/route";
import { GET as periodsRoute } from "@/app/api/v1/admin/licenses/[id]/periods/route";
import { POST as activateRoute } from "@/app/api/v1/activations/route";
import { db } from "@/lib/db";
import { activateSeat } from "@/lib/licensing/activate-seat";
import { heartbeatSeat } from "@/lib/licensing/heartbeat-seat";
import { validateSeat } from "@/lib/licensing/validate-seat";
import { setMailSettings } from "@/lib/mail/settings";
import { callRoute } from "@/lib/test/http";
import { makeAdminToken, makeLicense, staffCtx } from "@/lib/test/factories";
import { billingReportBatches, billingReportPage } from "./billing-report";
import { reportRowToCsv } from "./csv";
import { renewLicense } from "./renew-license";

const DAY = 86_400_000;
const client = { actor: { type: "LICENSE_KEY" as const }, ip: "203.0.113.9" };

async function period(id: string) {
  return db.billingPeriod.findUniqueOrThrow({ where: { id } });
}

describe("seat consumption per billing period", () => {
  it("counts a device once per period however often it activates, validates or sends heartbeats", async () => {
    const { key, license } = await makeLicense({ license: { seats: 5 } });
    await activateSeat({ key, fingerprint: "a" }, client);
    await activateSeat({ key, fingerprint: "a" }, client);
    await validateSeat({ key, fingerprint: "a" }, client);
    await heartbeatSeat({ key, fingerprint: "a" }, client);
    await activateSeat({ key, fingerprint: "b" }, client);
    await validateSeat({ key, fingerprint: "b" }, client);
    const current = await period(license.currentPeriod!.id);
    expect(current.seatsConsumed).toBe(2);
    expect(await db.periodUsage.count({ where: { periodId: current.id } })).toBe(2);
  });
});

describe("renewLicense", () => {
  it("closes the period with its final count and opens a new one that starts at 0 and grows with check-ins", async () => {
    const { key, license } = await makeLicense({ license: { seats: 5, expiresAt: new Date(Date.now() + 10 * DAY) } });
    await activateSeat({ key, fingerprint: "a" }, client);
    await activateSeat({ key, fingerprint: "b" }, client);
    const first = license.currentPeriod!.id;
    expect((await period(first)).seatsConsumed).toBe(2);

    const now = new Date();
    const renewed = await renewLicense(license.id, { durationDays: 365 }, { ...staffCtx, now });
    // Renewing early extends from the old expiry, not from today.
    expect(renewed.expiresAt).toBe(new Date(new Date(license.expiresAt!).getTime() + 365 * DAY).toISOString());
    expect(renewed.period).toMatchObject({ seatsConsumed: 0, current: true, startsAt: now.toISOString(), endsAt: renewed.expiresAt });
    const closed = await period(first);
    expect(closed).toMatchObject({ seatsConsumed: 2, closedAt: now, endsAt: now });
    const updated = await db.license.findUniqueOrThrow({ where: { id: license.id } });
    expect(updated.currentPeriodId).toBe(renewed.period.id);
    expect(updated.expiresAt?.toISOString()).toBe(renewed.expiresAt);

    await validateSeat({ key, fingerprint: "a" }, client);
    expect((await period(renewed.period.id)).seatsConsumed).toBe(1);
    await heartbeatSeat({ key, fingerprint: "a" }, client);
    await activateSeat({ key, fingerprint: "c" }, client);
    expect((await period(renewed.period.id)).seatsConsumed).toBe(2);
    expect((await period(first)).seatsConsumed).toBe(2);

    const event = await db.event.findFirstOrThrow({ where: { licenseId: license.id, action: "license.renewed" } });
    expect(event.data).toMatchObject({ previousPeriodId: first, previousSeatsConsumed: 2, periodId: renewed.period.id, durationDays: 365 });
  });

  it("extends an expired license from now, and takes an explicit end date", async () => {
    const { license } = await makeLicense({ license: { expiresAt: new Date(Date.now() - 5 * DAY) } });
    const now = new Date();
    const byDays = await renewLicense(license.id, { durationDays: 30 }, { ...staffCtx, now });
    expect(byDays.expiresAt).toBe(new Date(now.getTime() + 30 * DAY).toISOString());
    const end = new Date(now.getTime() + 400 * DAY);
    const byDate = await renewLicense(license.id, { periodEnd: end }, { ...staffCtx, now: new Date(now.getTime() + 1000) });
    expect(byDate.expiresAt).toBe(end.toISOString());
    expect(await db.billingPeriod.count({ where: { licenseId: license.id } })).toBe(3);
  });

  it("refuses an end date that would shorten the license or lies in the past", async () => {
    const { license } = await makeLicense({ license: { expiresAt: new Date(Date.now() + 100 * DAY) } });
    await expect(renewLicense(license.id, { periodEnd: new Date(Date.now() + 50 * DAY) }, staffCtx)).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    await expect(renewLicense(license.id, { periodEnd: new Date(Date.now() - DAY) }, staffCtx)).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    await expect(renewLicense("nope", { durationDays: 1 }, staffCtx)).rejects.toMatchObject({ code: "LICENSE_NOT_FOUND" });
    expect(await db.billingPeriod.count({ where: { licenseId: license.id } })).toBe(1);
  });

  it("keeps a license without expiry perpetual and only rolls its billing period", async () => {
    const { license } = await makeLicense({ license: { expiresAt: null } });
    const now = new Date();
    const renewed = await renewLicense(license.id, { durationDays: 30 }, { ...staffCtx, now });
    expect(renewed.expiresAt).toBeNull();
    expect(renewed.period.endsAt).toBe(new Date(now.getTime() + 30 * DAY).toISOString());
    expect((await db.license.findUniqueOrThrow({ where: { id: license.id } })).expiresAt).toBeNull();
  });
});

describe("seat alert", () => {
  it("emails the billing contact exactly once per period under concurrent activations, and renewing re-arms it", async () => {
    await setMailSettings({ billingContact: "billing@vendor.test", sender: "Vendor Billing <billing@vendor.test>" });
    const { key, license } = await makeLicense({ license: { seats: 30, seatAlertThreshold: 3 } });
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => callRoute(activateRoute, { body: { key, fingerprint: `dev-${i}` } })),
    );
    expect(results.map((r) => r.status)).toEqual(Array(12).fill(201));
    const first = license.currentPeriod!.id;
    const emails = await db.emailMessage.findMany({ where: { kind: "seat_alert", dedupeKey: { startsWith: `seat-alert:${first}:` } } });
    expect(emails).toHaveLength(1);
    expect(emails[0]).toMatchObject({ to: "billing@vendor.test", from: "Vendor Billing <billing@vendor.test>", status: "QUEUED" });
    expect(emails[0]!.subject).toMatch(/^Seat alert: Org-\w+ has used (\d+) of 30 seats$/);
    expect(Number(/has used (\d+)/.exec(emails[0]!.subject)![1])).toBeGreaterThanOrEqual(3);
    expect(await db.event.count({ where: { licenseId: license.id, action: "license.seat_alert" } })).toBe(1);
    expect((await period(first)).seatAlertSentAt).not.toBeNull();

    // More devices in the same period: still one alert.
    await Promise.all(Array.from({ length: 4 }, (_, i) => validateSeat({ key, fingerprint: `dev-${i}` }, client)));
    expect(await db.emailMessage.count({ where: { kind: "seat_alert", to: "billing@vendor.test", dedupeKey: { startsWith: "seat-alert:" } } })).toBeGreaterThanOrEqual(1);
    expect(await db.emailMessage.count({ where: { dedupeKey: { startsWith: `seat-alert:${first}:` } } })).toBe(1);

    const renewed = await renewLicense(license.id, { durationDays: 365 }, staffCtx);
    await Promise.all(Array.from({ length: 6 }, (_, i) => validateSeat({ key, fingerprint: `dev-${i}` }, client)));
    expect((await period(renewed.period.id)).seatsConsumed).toBe(6);
    expect(await db.emailMessage.count({ where: { dedupeKey: { startsWith: `seat-alert:${renewed.period.id}:` } } })).toBe(1);
    expect(await db.event.count({ where: { licenseId: license.id, action: "license.seat_alert" } })).toBe(2);
  });

  it("does nothing below the threshold or without one", async () => {
    const below = await makeLicense({ license: { seats: 10, seatAlertThreshold: 5 } });
    for (const fp of ["a", "b", "c", "d"]) await activateSeat({ key: below.key, fingerprint: fp }, client);
    const none = await makeLicense({ license: { seats: 10 } });
    for (const fp of ["a", "b", "c", "d"]) await activateSeat({ key: none.key, fingerprint: fp }, client);
    const prefixes = [below.license.currentPeriod!.id, none.license.currentPeriod!.id].map((id) => `seat-alert:${id}:`);
    expect(await db.emailMessage.count({ where: { OR: prefixes.map((p) => ({ dedupeKey: { startsWith: p } })) } })).toBe(0);
    expect(await db.event.count({ where: { licenseId: { in: [below.license.id, none.license.id] }, action: "license.seat_alert" } })).toBe(0);
  });

  it("never fails the client request when the alert can't be queued", async () => {
    const { key, license } = await makeLicense({ license: { seats: 10, seatAlertThreshold: 1 } });
    // A constraint makes the alert's transaction fail; the activation must still succeed.
    await db.$executeRawUnsafe(`ALTER TABLE "Event" ADD CONSTRAINT "test_block_alerts" CHECK ("action" <> 'license.seat_alert') NOT VALID`);
    try {
      const res = await callRoute(activateRoute, { body: { key, fingerprint: "x" } });
      expect(res.status).toBe(201);
      expect((await period(license.currentPeriod!.id)).seatsConsumed).toBe(1);
      // The failed alert rolled back entirely, so it is still armed.
      expect((await period(license.currentPeriod!.id)).seatAlertSentAt).toBeNull();
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "Event" DROP CONSTRAINT "test_block_alerts"`);
    }
  });
});

describe("admin API: renew, usage, periods", () => {
  it("renews, reports usage for the current and a past period, and lists periods", async () => {
    const { authorization } = await makeAdminToken();
    const { key, license } = await makeLicense({ license: { seats: 5 } });
    await activateSeat({ key, fingerprint: "a" }, client);
    await activateSeat({ key, fingerprint: "b" }, client);
    const headers = { authorization };
    const params = { id: license.id };

    const before = await callRoute(usageRoute, { headers, params, query: { period: "current" } });
    expect(before.status).toBe(200);
    expect(before.json).toMatchObject({ period: { id: license.currentPeriod!.id, current: true }, seatsConsumed: 2, seatsActive: 2 });

    const renewed = await callRoute(renewRoute, { headers, params, body: { durationDays: 30 } });
    expect(renewed.status).toBe(200);
    const now = await callRoute(usageRoute, { headers, params });
    expect(now.json).toMatchObject({ period: { id: renewed.json.period.id, current: true }, seatsConsumed: 0, seatsActive: 2 });
    const past = await callRoute(usageRoute, { headers, params, query: { period: license.currentPeriod!.id } });
    expect(past.json).toMatchObject({ period: { current: false }, seatsConsumed: 2 });
    expect(past.json.period.closedAt).not.toBeNull();

    const periods = await callRoute(periodsRoute, { headers, params });
    expect(periods.json.periods.map((p: { id: string }) => p.id)).toEqual([renewed.json.period.id, license.currentPeriod!.id]);

    const missing = await callRoute(usageRoute, { headers, params, query: { period: "not-a-period" } });
    expect([missing.status, missing.json.error.code]).toEqual([404, "NOT_FOUND"]);
  });

  it("validates the renew body and refuses read-only tokens", async () => {
    const { authorization } = await makeAdminToken();
    const { license } = await makeLicense();
    const params = { id: license.id };
    for (const body of [{}, { durationDays: 0 }, { durationDays: 10, periodEnd: "2099-01-01" }, { periodEnd: "not a date" }]) {
      const res = await callRoute(renewRoute, { headers: { authorization }, params, body });
      expect([res.status, res.json.error.code]).toEqual([400, "INVALID_REQUEST"]);
    }
    const readOnly = await makeAdminToken("READ_ONLY");
    const res = await callRoute(renewRoute, { headers: { authorization: readOnly.authorization }, params, body: { durationDays: 10 } });
    expect([res.status, res.json.error.code]).toEqual([403, "FORBIDDEN"]);
    const unknown = await callRoute(renewRoute, { headers: { authorization }, params: { id: "missing" }, body: { durationDays: 10 } });
    expect([unknown.status, unknown.json.error.code]).toEqual([404, "LICENSE_NOT_FOUND"]);
  });
});

describe("billing report", () => {
  it("lists the periods overlapping the range with their consumed seats, as CSV rows", async () => {
    const { key, license, organization } = await makeLicense({ license: { seats: 7 } });
    await db.organization.update({ where: { id: organization.id }, data: { name: '=Acme, "East" 1+1' } });
    await activateSeat({ key, fingerprint: "a" }, client);
    await activateSeat({ key, fingerprint: "b" }, client);
    const renewedAt = new Date();
    await renewLicense(license.id, { durationDays: 30 }, { ...staffCtx, now: renewedAt });
    await validateSeat({ key, fingerprint: "a" }, client);

    const range = { from: new Date(renewedAt.getTime() - DAY), to: new Date(renewedAt.getTime() + DAY) };
    const rows = [];
    for await (const batch of billingReportBatches(range, 1)) rows.push(...batch.filter((r) => r.licenseId === license.id));
    expect(rows.map((r) => [r.seatsConsumed, r.current, r.closed]).sort()).toEqual([
      [1, true, false],
      [2, false, true],
    ]);
    const old = rows.find((r) => !r.current)!;
    expect(reportRowToCsv(old)).toBe(
      [license.id, license.key, license.name ?? "", `"'=Acme, ""East"" 1+1"`, old.product, old.policy, "7", old.periodId,
        old.periodStart.toISOString(), old.periodEnd!.toISOString(), "closed", "2"].join(",") + "\r\n",
    );

    // A range that ends before the renewal only sees the old period.
    const before = await billingReportPage({ from: new Date(renewedAt.getTime() - DAY), to: new Date(renewedAt.getTime() - 1) }, 1, 100);
    expect(before.rows.filter((r) => r.licenseId === license.id).map((r) => r.seatsConsumed)).toEqual([2]);
    const after = await billingReportPage({ from: new Date(renewedAt.getTime() + 1), to: new Date(renewedAt.getTime() + DAY) }, 1, 100);
    expect(after.rows.filter((r) => r.licenseId === license.id).map((r) => r.seatsConsumed)).toEqual([1]);
  });
});
