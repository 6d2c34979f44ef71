import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import type { TContext } from "@/lib/events/record-event";
import { activateSeat } from "@/lib/licensing/activate-seat";
import { deactivateSeat } from "@/lib/licensing/deactivate-seat";
import { listCurrentLeases } from "@/lib/licensing/list-leases";
import { revokeLease } from "@/lib/licensing/revoke-lease";
import { makeLicense, staffCtx } from "@/lib/test/factories";
import { concurrencyReport } from "./concurrency-report";

const H = 3_600_000;
const NOW = new Date(Math.floor(Date.now() / H) * H + 30 * 60_000); // half past the current hour
const hoursAgo = (h: number): TContext => ({ actor: { type: "LICENSE_KEY" }, now: new Date(NOW.getTime() - h * H) });

describe("concurrency report", () => {
  it("shows leases in use per hour, the peak, and refused checkouts from the event log", async () => {
    const { key, license } = await makeLicense({ policy: { model: "FLOATING", seats: 2, leaseDurationSeconds: 3600 } });
    await activateSeat({ key, fingerprint: "a" }, hoursAgo(5)); // holds hour -5 (expires after 1 h)
    await activateSeat({ key, fingerprint: "b" }, hoursAgo(2)); // hour -2 until released
    await activateSeat({ key, fingerprint: "c" }, hoursAgo(1.9));
    await activateSeat({ key, fingerprint: "d" }, hoursAgo(1.8)).catch(() => null); // refused: 2 seats leased
    await deactivateSeat({ key, fingerprint: "b" }, hoursAgo(1.5));

    const report = await concurrencyReport(license.id, { range: "24h", bucket: "hour" }, NOW);
    expect(report.points).toHaveLength(24);
    expect(report.seatLimit).toBe(2);
    const byHour = (h: number) => report.points.find((p) => p.start === new Date(Math.floor((NOW.getTime() - h * H) / H) * H).toISOString())!;
    expect(byHour(5)).toMatchObject({ peak: 1, refused: 0 });
    expect(byHour(2)).toMatchObject({ peak: 2, refused: 1 });
    expect(byHour(3)).toMatchObject({ peak: 0 });
    expect(report.summary).toMatchObject({ peak: 2, refused: 1 });

    const daily = await concurrencyReport(license.id, { range: "7d", bucket: "day" }, NOW);
    expect(daily.points).toHaveLength(7);
    expect(Math.max(...daily.points.map((p) => p.peak))).toBe(2);
  });
});

describe("current leases and revoke", () => {
  it("lists live leases soonest-to-expire first, and a revoke frees the seat at once", async () => {
    const { key, license } = await makeLicense({ policy: { model: "FLOATING", seats: 2, leaseDurationSeconds: 600 } });
    const now = new Date();
    await activateSeat({ key, fingerprint: "late", friendlyName: "Late" }, { actor: { type: "LICENSE_KEY" }, now });
    await activateSeat({ key, fingerprint: "early" }, { actor: { type: "LICENSE_KEY" }, now: new Date(now.getTime() - 60_000) });
    const leases = await listCurrentLeases(license.id, now);
    expect(leases.map((l) => l.fingerprint)).toEqual(["early", "late"]);

    const other = await makeLicense({ policy: { model: "FLOATING", seats: 1 } });
    await expect(revokeLease(other.license.id, leases[0]!.id, staffCtx)).rejects.toMatchObject({ code: "ACTIVATION_NOT_FOUND" });

    await revokeLease(license.id, leases[0]!.id, staffCtx);
    expect((await listCurrentLeases(license.id, now)).map((l) => l.fingerprint)).toEqual(["late"]);
    const row = await db.activation.findUniqueOrThrow({ where: { id: leases[0]!.id } });
    expect(row.deactivatedBy).toBe("SYSTEM");
    await expect(revokeLease(license.id, leases[0]!.id, staffCtx)).rejects.toMatchObject({ code: "ACTIVATION_NOT_FOUND" });
  });
});
