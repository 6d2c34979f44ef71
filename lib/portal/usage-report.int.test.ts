import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createOrgUser } from "@/lib/orgs/create-org-user";
import { makeLicense, staffCtx, uniq } from "@/lib/test/factories";
import { loadOrgActor } from "./actor";
import { periodsCsv, usageReport } from "./usage-report";


describe("usage report", () => {
  it("counts seats held at each day's end and lists billing periods with seats consumed", async () => {
    const now = new Date("2026-06-30T12:00:00Z");
    const start = new Date("2026-06-01T00:00:00Z");
    const { organization, license } = await makeLicense({ license: { seats: 4 } });
    await db.license.update({ where: { id: license.id }, data: { startsAt: start } });
    await db.billingPeriod.updateMany({ where: { licenseId: license.id }, data: { startsAt: start, seatsConsumed: 3 } });
    const { user } = await createOrgUser(organization.id, { email: `${uniq("a")}@example.test`, name: "A", role: "ORG_ADMIN", password: "a long enough password" }, staffCtx);
    const at = (iso: string) => new Date(iso);
    await db.activation.createMany({
      data: [
        { licenseId: license.id, fingerprint: "1", createdAt: at("2026-06-10T09:00:00Z") },
        { licenseId: license.id, fingerprint: "2", createdAt: at("2026-06-10T10:00:00Z"), deactivatedAt: at("2026-06-20T10:00:00Z") },
        { licenseId: license.id, fingerprint: "3", createdAt: at("2026-06-25T10:00:00Z") },
      ],
    });
    const other = await makeLicense();
    await db.activation.create({ data: { licenseId: other.license.id, fingerprint: "x", createdAt: at("2026-06-10T09:00:00Z") } });

    const actor = (await loadOrgActor(user.id))!;
    const report = await usageReport(actor, { days: 90 }, now);
    const byDay = new Map(report.daily.map((d) => [d.day, d.active]));
    // The chart starts at the license's first day, not 90 days back.
    expect(report.daily[0]!.day).toBe("2026-06-01");
    expect(report.daily.at(-1)!.day).toBe("2026-06-30");
    expect(byDay.get("2026-06-09")).toBe(0);
    expect(byDay.get("2026-06-10")).toBe(2);
    expect(byDay.get("2026-06-19")).toBe(2);
    expect(byDay.get("2026-06-20")).toBe(1);
    expect(byDay.get("2026-06-25")).toBe(2);
    expect(byDay.get("2026-06-30")).toBe(2);
    expect(report.totalLimit).toBe(4);
    expect(report.periods).toEqual([expect.objectContaining({ licenseId: license.id, seatsConsumed: 3, seatLimit: 4, current: true })]);
    expect(periodsCsv(report.periods).split("\r\n")[0]).toBe('"license","product","period_start","period_end","current","seats_consumed","seat_limit"');
  });
});
