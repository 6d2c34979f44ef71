import { describe, expect, it } from "vitest";
import { normalizeLicenseKey } from "../crypto/tokens";
import { db } from "../db";
import { findLicenseByKey } from "../licensing/find-license";
import { seedLarge } from "./seed-large";

describe("seedLarge", () => {
  it("writes consistent licenses, periods, activations, usage and events (small scale)", async () => {
    const result = await seedLarge(db, { licenses: 120, activationsPerLicense: 3, organizations: 20, batch: 50 });
    const tag = result.tag;
    const licenses = await db.license.findMany({ where: { id: { startsWith: `${tag}L` } }, include: { currentPeriod: true } });
    expect(licenses).toHaveLength(120);
    expect(licenses.every((l) => l.currentPeriod !== null && l.currentPeriod.licenseId === l.id && l.currentPeriod.closedAt === null)).toBe(true);
    expect(licenses.every((l) => normalizeLicenseKey(l.key) === l.key)).toBe(true);
    expect(await findLicenseByKey(licenses[0]!.key)).not.toBeNull();
    expect(await db.activation.count({ where: { id: { startsWith: `${tag}A` } } })).toBe(360);
    expect(await db.billingPeriod.count({ where: { id: { startsWith: `${tag}Q` }, closedAt: { not: null } } })).toBe(30);

    // Each current period's counter matches its usage rows, as the live API keeps it.
    const mismatched = await db.$queryRawUnsafe<{ n: number }[]>(`
      SELECT count(*)::int AS n FROM "BillingPeriod" bp
      WHERE bp."id" LIKE '${tag}P%' AND bp."seatsConsumed" <> (SELECT count(*) FROM "PeriodUsage" u WHERE u."periodId" = bp."id")`);
    expect(mismatched[0]!.n).toBe(0);
    const consumed = await db.billingPeriod.aggregate({ where: { id: { startsWith: `${tag}P` } }, _sum: { seatsConsumed: true } });
    expect(consumed._sum.seatsConsumed).toBe(360 - 36);
    expect(await db.event.count({ where: { id: { startsWith: `${tag}E` }, action: "license.created" } })).toBe(120);
    expect(await db.event.count({ where: { id: { startsWith: `${tag}V` }, action: "activation.created" } })).toBe(120);
  });
});
