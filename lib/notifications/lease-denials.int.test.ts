// The lease-denial notice: refused floating checkouts counted per license per UTC day, one notice when
// the count first reaches the threshold. Runs on PGlite and, with TEST_DATABASE_URL, PostgreSQL.
import { beforeAll, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import type { TContext } from "@/lib/events/record-event";
import { activateSeat } from "@/lib/licensing/activate-seat";
import { heartbeatSeat } from "@/lib/licensing/heartbeat-seat";
import { setMailSettings } from "@/lib/mail/settings";
import { makeLicense } from "@/lib/test/factories";
import { leaseDenialThreshold, setLeaseDenialThreshold, utcDay } from "./lease-denials";

const DAY_MS = 86_400_000;
// Tomorrow 10:00 UTC: a day of its own, far from midnight, with a controllable clock.
const DAY1 = new Date(Math.floor(Date.now() / DAY_MS) * DAY_MS + DAY_MS + 10 * 3_600_000);
const at = (base: Date, seconds = 0): TContext => ({ actor: { type: "LICENSE_KEY" }, ip: "203.0.113.9", now: new Date(base.getTime() + seconds * 1000) });

async function floatingLicense() {
  const made = await makeLicense({ policy: { model: "FLOATING", seats: 1, leaseDurationSeconds: 3600 } });
  await db.orgUser.create({ data: { organizationId: made.organization.id, email: `admin-${made.license.id}@customer.test`, name: "Admin", role: "ORG_ADMIN" } });
  return made;
}

async function refused(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return (error as ApiError).code;
}

async function noticeState(licenseId: string) {
  const [notices, events, emails] = await Promise.all([
    db.notice.findMany({ where: { licenseId, kind: "lease_denials" }, orderBy: { key: "asc" } }),
    db.event.findMany({ where: { licenseId, action: "license.lease_denials" }, orderBy: { createdAt: "asc" } }),
    db.emailMessage.findMany({ where: { kind: "lease_denials", dedupeKey: { contains: licenseId } }, orderBy: { to: "asc" } }),
  ]);
  return { notices, events, emails };
}

/** The transaction id that wrote a row: rows with the same xmin were committed by one transaction. */
async function xmin(table: "Event" | "EmailMessage" | "Notice", column: string, value: string): Promise<string> {
  const rows = await db.$queryRawUnsafe<{ xmin: string }[]>(`SELECT xmin::text AS xmin FROM "${table}" WHERE "${column}" = $1`, value);
  expect(rows).toHaveLength(1);
  return rows[0]!.xmin;
}

beforeAll(async () => {
  await setMailSettings({ billingContact: "billing@vendor.test", sender: null });
});

describe("lease-denial notice", () => {
  it("defaults to 10 refusals a day and keeps a saved value", async () => {
    expect(await leaseDenialThreshold()).toBe(10);
    await setLeaseDenialThreshold(3);
    expect(await leaseDenialThreshold()).toBe(3);
  });

  it("N-1 refusals send nothing; the Nth queues one email per recipient with the denial; later ones that day don't; the next day re-arms", async () => {
    await setLeaseDenialThreshold(3);
    const { key, license, organization } = await floatingLicense();
    await activateSeat({ key, fingerprint: "holder" }, at(DAY1));
    expect(await refused(activateSeat({ key, fingerprint: "w1" }, at(DAY1, 60)))).toBe("SEAT_LIMIT_REACHED");
    expect(await refused(activateSeat({ key, fingerprint: "w2" }, at(DAY1, 120)))).toBe("SEAT_LIMIT_REACHED");
    expect(await noticeState(license.id)).toEqual({ notices: [], events: [], emails: [] });

    expect(await refused(activateSeat({ key, fingerprint: "w3" }, at(DAY1, 180)))).toBe("SEAT_LIMIT_REACHED");
    const first = await noticeState(license.id);
    const day1 = utcDay(DAY1).day;
    expect(first.notices.map((n) => n.key)).toEqual([`lease-denials:${license.id}:${day1}`]);
    expect(first.events).toHaveLength(1);
    expect(first.events[0]!.data).toMatchObject({ day: day1, denials: 3, threshold: 3, seatLimit: 1 });
    expect(first.emails.map((e) => e.to)).toEqual([`admin-${license.id}@customer.test`, "billing@vendor.test"]);
    expect(first.emails[0]!.subject).toBe(`${organization.name}: 3 floating seat requests refused today`);
    expect(first.emails[0]!.text).toContain(key);
    expect(first.emails[0]!.html).toContain(`/console/licenses/${license.id}/concurrency`);

    // The third refusal's event, the notice, its event and the emails were committed by one transaction.
    const denial = await db.event.findFirstOrThrow({ where: { licenseId: license.id, action: "activation.refused", data: { path: ["fingerprint"], equals: "w3" } } });
    const tx = await xmin("Event", "id", denial.id);
    expect(await xmin("Notice", "key", first.notices[0]!.key)).toBe(tx);
    expect(await xmin("Event", "id", first.events[0]!.id)).toBe(tx);
    for (const email of first.emails) expect(await xmin("EmailMessage", "id", email.id)).toBe(tx);

    for (const fp of ["w4", "w5", "w6"]) await refused(activateSeat({ key, fingerprint: fp }, at(DAY1, 240)));
    expect(await noticeState(license.id)).toEqual(first);
    expect(await db.event.count({ where: { licenseId: license.id, action: "activation.refused" } })).toBe(6);

    // The next UTC day counts from zero again; a refused heartbeat re-lease counts like a refused checkout.
    const day2 = new Date(DAY1.getTime() + DAY_MS);
    await activateSeat({ key, fingerprint: "holder" }, at(day2));
    for (const fp of ["w1", "w2"]) await refused(activateSeat({ key, fingerprint: fp }, at(day2, 60)));
    expect((await noticeState(license.id)).notices).toHaveLength(1);
    // "w0" held a lease that ran out while "holder" took the only seat: its heartbeat is refused.
    await db.activation.create({ data: { licenseId: license.id, fingerprint: "w0", createdAt: DAY1, lastSeenAt: DAY1, leaseExpiresAt: new Date(DAY1.getTime() + 60_000) } });
    expect(await refused(heartbeatSeat({ key, fingerprint: "w0" }, at(day2, 120)))).toBe("LEASE_EXPIRED");
    const second = await noticeState(license.id);
    expect(second.notices.map((n) => n.key)).toEqual([`lease-denials:${license.id}:${day1}`, `lease-denials:${license.id}:${utcDay(day2).day}`]);
    expect(second.events.map((e) => (e.data as { denials: number }).denials)).toEqual([3, 3]);
    expect(second.emails).toHaveLength(4);
  });

  it("counts only floating licenses' seat-limit refusals, and 0 turns the notice off", async () => {
    await setLeaseDenialThreshold(1);
    const nodeLocked = await makeLicense({ policy: { seats: 1 } });
    await activateSeat({ key: nodeLocked.key, fingerprint: "a" }, at(DAY1));
    expect(await refused(activateSeat({ key: nodeLocked.key, fingerprint: "b" }, at(DAY1, 1)))).toBe("SEAT_LIMIT_REACHED");
    expect((await noticeState(nodeLocked.license.id)).notices).toEqual([]);

    await setLeaseDenialThreshold(0);
    const { key, license } = await floatingLicense();
    await activateSeat({ key, fingerprint: "holder" }, at(DAY1));
    for (const fp of ["w1", "w2", "w3"]) await refused(activateSeat({ key, fingerprint: fp }, at(DAY1, 10)));
    expect(await noticeState(license.id)).toEqual({ notices: [], events: [], emails: [] });
    expect(await db.event.count({ where: { licenseId: license.id, action: "activation.refused" } })).toBe(3);
  });

  it("40 concurrent refusals: exactly one notice, sent by exactly the Nth refusal", { timeout: 120_000 }, async () => {
    await setLeaseDenialThreshold(5);
    const { key, license } = await floatingLicense();
    await activateSeat({ key, fingerprint: "holder" }, at(DAY1));
    const codes = await Promise.all(Array.from({ length: 40 }, (_, i) => refused(activateSeat({ key, fingerprint: `racer-${i}` }, at(DAY1, 30)))));
    expect(new Set(codes)).toEqual(new Set(["SEAT_LIMIT_REACHED"]));
    const { notices, events, emails } = await noticeState(license.id);
    expect(notices).toHaveLength(1);
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ denials: 5, threshold: 5 });
    expect(emails).toHaveLength(2);
    expect(await db.event.count({ where: { licenseId: license.id, action: "activation.refused" } })).toBe(40);
  });
});
