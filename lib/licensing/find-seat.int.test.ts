import { describe, expect, it } from "vitest";
import { db } from "../db";
import { makeLicense } from "../test/factories";
import { countSeatsInUse, seatHoldingWhere } from "./count-seats";
import { findSeatAndCount, findSeatOrExpiredLease } from "./find-seat";
import { LEASE_EXPIRED_BY } from "./lease-rules";

const HOUR = 3_600_000;

// findSeatAndCount is validate's one-round-trip read; it must agree with the two reads it replaces.
describe("findSeatAndCount", () => {
  it("picks the same seat and counts the same seats as findSeatOrExpiredLease + countSeatsInUse", async () => {
    const { license, organization } = await makeLicense({ license: { seats: 20 } });
    const now = new Date();
    const at = (h: number) => new Date(now.getTime() + h * HOUR);
    const user = await db.orgUser.create({ data: { organizationId: organization.id, email: `u-${license.id}@example.test`, name: "U" } });
    const rows: { fingerprint: string; createdAt: Date; deactivatedAt?: Date; deactivatedBy?: string; seatFreedAt?: Date; leaseExpiresAt?: Date; userId?: string }[] = [
      { fingerprint: "active", createdAt: at(-5) },
      { fingerprint: "active", createdAt: at(-9), deactivatedAt: at(-6), deactivatedBy: "DEVICE" },
      { fingerprint: "released", createdAt: at(-5), deactivatedAt: at(-1), deactivatedBy: "DEVICE" },
      { fingerprint: "cooldown", createdAt: at(-5), deactivatedAt: at(-1), deactivatedBy: "DEVICE", seatFreedAt: at(5) },
      { fingerprint: "lease-live", createdAt: at(-1), leaseExpiresAt: at(1) },
      { fingerprint: "lease-lapsed", createdAt: at(-3), leaseExpiresAt: at(-1) },
      { fingerprint: "lease-reclaimed", createdAt: at(-3), leaseExpiresAt: at(-2), deactivatedAt: at(-2), deactivatedBy: LEASE_EXPIRED_BY },
      // An older reclaimed lease behind a later release: the release decides.
      { fingerprint: "released-after-lease", createdAt: at(-8), leaseExpiresAt: at(-7), deactivatedAt: at(-7), deactivatedBy: LEASE_EXPIRED_BY },
      { fingerprint: "released-after-lease", createdAt: at(-4), deactivatedAt: at(-3), deactivatedBy: "DEVICE" },
      { fingerprint: "users", createdAt: at(-2), userId: user.id },
    ];
    for (const r of rows) await db.activation.create({ data: { licenseId: license.id, ...r } });

    for (const fingerprint of [...new Set(rows.map((r) => r.fingerprint)), "unknown", undefined]) {
      for (const userId of [undefined, user.id]) {
        const combined = await findSeatAndCount(license.id, fingerprint, now, userId);
        const seat = fingerprint ? await findSeatOrExpiredLease(license.id, fingerprint, db, userId) : null;
        expect(combined.activation, `${fingerprint} / ${userId ?? "key"}`).toEqual(seat);
        expect(combined.used).toBe(await countSeatsInUse(db, license.id, now));
        expect(combined.used).toBe(await db.activation.count({ where: seatHoldingWhere(license.id, now) }));
      }
    }
    // active, cooldown, lease-live and users hold seats.
    expect((await findSeatAndCount(license.id, "active", now)).used).toBe(4);
  });
});
