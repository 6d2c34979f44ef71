import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeLicense } from "@/lib/test/factories";
import { listSeatAlerts } from "./list-seat-alerts";

describe("listSeatAlerts", () => {
  it("lists licenses whose current period consumed at least their threshold, fullest first", async () => {
    const before = await listSeatAlerts(100);
    const at = await makeLicense({ license: { seatAlertThreshold: 4 } });
    const over = await makeLicense({ license: { seatAlertThreshold: 2 } });
    const under = await makeLicense({ license: { seatAlertThreshold: 10 } });
    const none = await makeLicense();
    const consume = (license: { currentPeriod: { id: string } | null }, n: number) =>
      db.billingPeriod.update({ where: { id: license.currentPeriod!.id }, data: { seatsConsumed: n } });
    await consume(at.license, 4);
    await consume(over.license, 5);
    await consume(under.license, 9);
    await consume(none.license, 50);

    const after = await listSeatAlerts(100);
    expect(after.total - before.total).toBe(2);
    const ids = after.rows.map((r) => r.id);
    expect(ids).toContain(at.license.id);
    expect(ids.indexOf(over.license.id)).toBeLessThan(ids.indexOf(at.license.id));
    expect(ids).not.toContain(under.license.id);
    expect(ids).not.toContain(none.license.id);
    expect(after.rows.find((r) => r.id === over.license.id)).toMatchObject({ seatsConsumed: 5, seatAlertThreshold: 2, organizationName: over.organization.name });
  });
});
