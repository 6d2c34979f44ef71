import { describe, expect, it } from "vitest";
import { db } from "../db";
import { makeLicense, staffCtx } from "../test/factories";
import { updateLicense } from "./update-license";

const DAY = 86_400_000;

describe("editing a license's expiry", () => {
  it("moves the end of the open billing period with it, and logs both", async () => {
    const { license } = await makeLicense();
    const expiresAt = new Date(Date.now() + 400 * DAY);
    await updateLicense(license.id, { expiresAt }, staffCtx);
    const row = await db.license.findUniqueOrThrow({ where: { id: license.id }, include: { currentPeriod: true } });
    expect(row.currentPeriod?.endsAt?.toISOString()).toBe(expiresAt.toISOString());
    const event = await db.event.findFirstOrThrow({ where: { licenseId: license.id, action: "license.updated" }, orderBy: { createdAt: "desc" } });
    expect((event.data as { changes: Record<string, { to: unknown }> }).changes.periodEnd?.to).toBe(expiresAt.toISOString());

    // Perpetual: the open period has no end either.
    await updateLicense(license.id, { expiresAt: null }, staffCtx);
    const perpetual = await db.billingPeriod.findUniqueOrThrow({ where: { id: row.currentPeriodId! } });
    expect(perpetual.endsAt).toBeNull();
  });

  it("never ends the period before it started", async () => {
    const { license } = await makeLicense();
    const period = await db.billingPeriod.findUniqueOrThrow({ where: { id: (await db.license.findUniqueOrThrow({ where: { id: license.id } })).currentPeriodId! } });
    await updateLicense(license.id, { expiresAt: new Date(period.startsAt.getTime() - 10 * DAY) }, staffCtx);
    const after = await db.billingPeriod.findUniqueOrThrow({ where: { id: period.id } });
    expect(after.endsAt?.toISOString()).toBe(period.startsAt.toISOString());
  });
});
