// Floating licenses end to end through the domain functions, with a controllable clock (ctx.now):
// leases run through expiry without sleeping. Runs on PGlite and, with TEST_DATABASE_URL, PostgreSQL.
import { describe, expect, it } from "vitest";
import { errorResponse } from "@/lib/api/handler";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import type { TContext } from "@/lib/events/record-event";
import { makeLicense } from "@/lib/test/factories";
import { activateSeat } from "./activate-seat";
import { countSeatsInUse } from "./count-seats";
import { deactivateSeat } from "./deactivate-seat";
import { heartbeatSeat } from "./heartbeat-seat";
import { reclaimExpiredLeases } from "./reclaim-expired-leases";
import { validateSeat } from "./validate-seat";

const LEASE = 600; // seconds
const T0 = new Date(Math.floor(Date.now() / 1000) * 1000 + 60_000);
const at = (seconds: number): TContext => ({ actor: { type: "LICENSE_KEY" }, ip: "203.0.113.9", now: new Date(T0.getTime() + seconds * 1000) });
const iso = (seconds: number) => new Date(T0.getTime() + seconds * 1000).toISOString();

async function floating(seats: number, leaseDurationSeconds = LEASE) {
  return makeLicense({ policy: { model: "FLOATING", seats, leaseDurationSeconds } });
}

async function refusal(promise: Promise<unknown>): Promise<ApiError> {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(ApiError);
  return error as ApiError;
}

async function seatHoldersByFingerprint(licenseId: string, now: Date) {
  const rows = await db.activation.findMany({ where: { licenseId, deactivatedAt: null, leaseExpiresAt: { gt: now } } });
  return rows.map((r) => r.fingerprint).sort();
}

describe("checkout", () => {
  it("leases a seat for the policy's lease duration and says when to refresh", async () => {
    const { key, license } = await floating(2);
    const res = await activateSeat({ key, fingerprint: "fp-a", friendlyName: "Build agent 1" }, at(0));
    expect(res.created).toBe(true);
    expect(res.activation).toMatchObject({ status: "ACTIVE", leaseExpiresAt: iso(LEASE), refreshBefore: iso(LEASE / 2) });
    expect(res.license).toMatchObject({ model: "FLOATING", leaseDurationSeconds: LEASE, seats: { limit: 2, used: 1 } });
    const row = await db.activation.findUniqueOrThrow({ where: { id: res.activation.id } });
    expect(row.leaseExpiresAt?.toISOString()).toBe(iso(LEASE));
    expect(await db.event.count({ where: { licenseId: license.id, action: "activation.created" } })).toBe(1);
  });

  it("node-locked seats carry no lease: leaseExpiresAt and refreshBefore are null", async () => {
    const { key } = await makeLicense();
    const res = await activateSeat({ key, fingerprint: "fp" }, at(0));
    expect(res.activation).toMatchObject({ leaseExpiresAt: null, refreshBefore: null });
    expect(res.license.leaseDurationSeconds).toBeNull();
  });

  it("the same fingerprint with a live lease gets the same activation back, renewed", async () => {
    const { key, license } = await floating(1);
    const first = await activateSeat({ key, fingerprint: "fp-a", friendlyName: "Laptop" }, at(0));
    const again = await activateSeat({ key, fingerprint: "fp-a" }, at(100));
    expect(again.created).toBe(false);
    expect(again.activation.id).toBe(first.activation.id);
    expect(again.activation).toMatchObject({ friendlyName: "Laptop", leaseExpiresAt: iso(100 + LEASE), refreshBefore: iso(100 + LEASE / 2) });
    expect(await db.activation.count({ where: { licenseId: license.id } })).toBe(1);
  });

  it("refuses when every seat is leased, with Retry-After until the earliest lease ends (rounded up)", async () => {
    const { key, license } = await floating(2);
    await activateSeat({ key, fingerprint: "a" }, at(0));
    await activateSeat({ key, fingerprint: "b" }, at(30));
    const error = await refusal(activateSeat({ key, fingerprint: "c" }, at(100.4)));
    expect(error.code).toBe("SEAT_LIMIT_REACHED");
    expect(error.details).toMatchObject({ retryAfter: LEASE - 100, seats: { limit: 2, used: 2 } });
    expect(error.headers).toEqual({ "Retry-After": String(LEASE - 100) });

    // The HTTP layer carries both to the client.
    const res = errorResponse(error);
    expect(res.status).toBe(409);
    expect(res.headers.get("retry-after")).toBe(String(LEASE - 100));
    expect(await res.json()).toMatchObject({ error: { code: "SEAT_LIMIT_REACHED", retryAfter: LEASE - 100 } });

    const refused = await db.event.findFirstOrThrow({ where: { licenseId: license.id, action: "activation.refused" } });
    expect(refused.data).toMatchObject({ code: "SEAT_LIMIT_REACHED", fingerprint: "c" });

    // The instant the earliest lease ends its seat is free again, with no sweeper having run.
    const next = await activateSeat({ key, fingerprint: "c" }, at(LEASE));
    expect(next.created).toBe(true);
    expect(next.license.seats.used).toBe(2);
  });

  it("a fingerprint whose lease ran out gets a new row; the old one is released at its expiry, never two holders", async () => {
    const { key, license } = await floating(2);
    const old = await activateSeat({ key, fingerprint: "fp" }, at(0));
    const fresh = await activateSeat({ key, fingerprint: "fp" }, at(LEASE + 50));
    expect(fresh.created).toBe(true);
    expect(fresh.activation.id).not.toBe(old.activation.id);
    const oldRow = await db.activation.findUniqueOrThrow({ where: { id: old.activation.id } });
    expect(oldRow).toMatchObject({ deactivatedBy: "LEASE_EXPIRED" });
    expect(oldRow.deactivatedAt?.toISOString()).toBe(iso(LEASE));
    expect(await db.event.count({ where: { activationId: old.activation.id, action: "lease.expired" } })).toBe(1);
    expect(await db.activation.count({ where: { licenseId: license.id, deactivatedAt: null } })).toBe(1);
    expect(await countSeatsInUse(db, license.id, at(LEASE + 50).now!)).toBe(1);
  });
});

describe("heartbeat", () => {
  it("renews a live lease", async () => {
    const { key } = await floating(1);
    const first = await activateSeat({ key, fingerprint: "fp" }, at(0));
    const beat = await heartbeatSeat({ key, fingerprint: "fp", appVersion: "2.0" }, at(300));
    expect(beat.activation).toMatchObject({ id: first.activation.id, appVersion: "2.0", leaseExpiresAt: iso(300 + LEASE), refreshBefore: iso(300 + LEASE / 2) });
    // The renewed lease still holds its seat past the original end.
    expect((await refusal(activateSeat({ key, fingerprint: "other" }, at(LEASE + 1)))).code).toBe("SEAT_LIMIT_REACHED");
  });

  it("after expiry re-leases when a seat is free, before and after the reclaim job ran", async () => {
    const { key, license } = await floating(1);
    const first = await activateSeat({ key, fingerprint: "fp", friendlyName: "CAD station" }, at(0));
    const relet = await heartbeatSeat({ key, fingerprint: "fp" }, at(LEASE + 10));
    expect(relet.activation.id).not.toBe(first.activation.id);
    expect(relet.activation).toMatchObject({ status: "ACTIVE", friendlyName: "CAD station", leaseExpiresAt: iso(LEASE + 10 + LEASE) });
    const created = await db.event.findFirstOrThrow({ where: { activationId: relet.activation.id, action: "activation.created" } });
    expect(created.data).toMatchObject({ via: "heartbeat", previousActivationId: first.activation.id });

    // Second expiry, this time the reclaim job releases the row before the app comes back.
    expect(await reclaimExpiredLeases({ now: at(3 * LEASE).now })).toBeGreaterThanOrEqual(1);
    const again = await heartbeatSeat({ key, fingerprint: "fp" }, at(3 * LEASE + 5));
    expect(again.activation.status).toBe("ACTIVE");
    expect(await db.event.count({ where: { licenseId: license.id, action: "lease.expired" } })).toBe(2);
    expect(await countSeatsInUse(db, license.id, at(3 * LEASE + 5).now!)).toBe(1);
  });

  it("after expiry answers LEASE_EXPIRED with Retry-After when another device took the seat", async () => {
    const { key, license } = await floating(1);
    await activateSeat({ key, fingerprint: "crashed" }, at(0));
    await activateSeat({ key, fingerprint: "newcomer" }, at(LEASE + 1));
    const error = await refusal(heartbeatSeat({ key, fingerprint: "crashed" }, at(LEASE + 61)));
    expect(error.code).toBe("LEASE_EXPIRED");
    expect(error.status).toBe(409);
    expect(error.details).toMatchObject({ retryAfter: LEASE - 60 });
    expect(error.headers).toEqual({ "Retry-After": String(LEASE - 60) });
    const refused = await db.event.findFirstOrThrow({ where: { licenseId: license.id, action: "activation.refused" } });
    expect(refused.data).toMatchObject({ code: "SEAT_LIMIT_REACHED", via: "heartbeat", fingerprint: "crashed" });
    expect(await seatHoldersByFingerprint(license.id, at(LEASE + 61).now!)).toEqual(["newcomer"]);
  });

  it("a seat released by the user is not revived by a heartbeat", async () => {
    const { key } = await floating(1);
    await activateSeat({ key, fingerprint: "fp" }, at(0));
    await deactivateSeat({ key, fingerprint: "fp" }, at(10));
    expect((await refusal(heartbeatSeat({ key, fingerprint: "fp" }, at(20)))).code).toBe("ACTIVATION_NOT_FOUND");
  });
});

describe("release and validate", () => {
  it("deactivation frees the seat at once, even when the policy has a deactivation cooldown", async () => {
    const { key, license, policy } = await floating(1);
    await db.policy.update({ where: { id: policy.id }, data: { deactivationCooldownHours: 24 } });
    await activateSeat({ key, fingerprint: "a" }, at(0));
    const released = await deactivateSeat({ key, fingerprint: "a" }, at(10));
    expect(released.activation).toMatchObject({ status: "DEACTIVATED", refreshBefore: null });
    expect(released.license.seats.used).toBe(0);
    expect((await activateSeat({ key, fingerprint: "b" }, at(10))).created).toBe(true);
    expect(await countSeatsInUse(db, license.id, at(10).now!)).toBe(1);
  });

  it("validate answers VALID during the lease and LEASE_EXPIRED after it, before and after reclaim", async () => {
    const { key } = await floating(1);
    await activateSeat({ key, fingerprint: "fp" }, at(0));
    const valid = await validateSeat({ key, fingerprint: "fp" }, at(LEASE - 1));
    expect(valid).toMatchObject({ valid: true, code: "VALID", activation: { leaseExpiresAt: iso(LEASE), refreshBefore: iso(LEASE - 0.5) } });
    const expired = await validateSeat({ key, fingerprint: "fp" }, at(LEASE));
    expect(expired).toMatchObject({ valid: false, code: "LEASE_EXPIRED", activation: { status: "LEASE_EXPIRED", refreshBefore: null } });
    await reclaimExpiredLeases({ now: at(LEASE + 1).now });
    expect(await validateSeat({ key, fingerprint: "fp" }, at(LEASE + 2))).toMatchObject({ valid: false, code: "LEASE_EXPIRED" });
    expect(await validateSeat({ key, fingerprint: "stranger" }, at(LEASE + 2))).toMatchObject({ code: "NOT_ACTIVATED" });
  });
});

describe("reclaim job", () => {
  it("releases expired leases at their expiry with one lease.expired event each, and leaves live ones alone", async () => {
    const { key, license, organization } = await floating(3);
    const a = await activateSeat({ key, fingerprint: "a" }, at(0));
    const b = await activateSeat({ key, fingerprint: "b" }, at(200));
    const c = await activateSeat({ key, fingerprint: "c" }, at(LEASE));
    const nodeLocked = await makeLicense();
    await activateSeat({ key: nodeLocked.key, fingerprint: "n" }, at(0));

    await reclaimExpiredLeases({ now: at(LEASE + 200).now });
    const rows = await db.activation.findMany({ where: { licenseId: license.id }, orderBy: { createdAt: "asc" } });
    expect(rows.map((r) => [r.fingerprint, r.deactivatedBy, r.deactivatedAt?.toISOString() ?? null])).toEqual([
      ["a", "LEASE_EXPIRED", iso(LEASE)],
      ["b", "LEASE_EXPIRED", iso(200 + LEASE)],
      ["c", null, null],
    ]);
    const events = await db.event.findMany({ where: { licenseId: license.id, action: "lease.expired" } });
    expect(events.map((e) => e.activationId).sort()).toEqual([a.activation.id, b.activation.id].sort());
    expect(events[0]).toMatchObject({ actorType: "SYSTEM", organizationId: organization.id });
    expect(await db.activation.count({ where: { licenseId: nodeLocked.license.id, deactivatedAt: null } })).toBe(1);

    // A second run finds nothing more to do.
    await reclaimExpiredLeases({ now: at(LEASE + 300).now });
    expect(await db.event.count({ where: { licenseId: license.id, action: "lease.expired" } })).toBe(2);
    expect(c.activation.status).toBe("ACTIVE");
  });

  it("concurrent reclaimers write exactly one event per lease", async () => {
    const { key, license } = await floating(40);
    await Promise.all(Array.from({ length: 40 }, (_, i) => activateSeat({ key, fingerprint: `fp-${i}` }, at(i))));
    const now = at(LEASE + 100).now;
    const counts = await Promise.all([1, 2, 3, 4].map(() => reclaimExpiredLeases({ now, batchSize: 7 })));
    expect(counts.reduce((sum, n) => sum + n, 0)).toBeGreaterThanOrEqual(40);
    const events = await db.event.groupBy({
      by: ["activationId"],
      where: { licenseId: license.id, action: "lease.expired" },
      _count: { _all: true },
    });
    expect(events).toHaveLength(40);
    expect(events.every((e) => e._count._all === 1)).toBe(true);
    expect(await db.activation.count({ where: { licenseId: license.id, deactivatedAt: null } })).toBe(0);
  });
});

describe("exactness under concurrency (separate pooled connections on PostgreSQL)", () => {
  it("many concurrent checkouts end with exactly N leases", async () => {
    const seats = 5;
    const { key, license } = await floating(seats);
    const results = await Promise.allSettled(
      Array.from({ length: 30 }, (_, i) => activateSeat({ key, fingerprint: `racer-${i}` }, at(0))),
    );
    const ok = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r) => r.status === "rejected").map((r) => (r as PromiseRejectedResult).reason);
    expect(ok).toHaveLength(seats);
    expect(refused.every((e) => e instanceof ApiError && e.code === "SEAT_LIMIT_REACHED")).toBe(true);
    expect(await countSeatsInUse(db, license.id, at(0).now!)).toBe(seats);
    expect(await db.activation.count({ where: { licenseId: license.id } })).toBe(seats);
  });

  it("racing re-leases after expiry (heartbeats and checkouts) still end with exactly N leases", async () => {
    const seats = 3;
    const { key, license } = await floating(seats);
    for (let i = 0; i < seats; i++) await activateSeat({ key, fingerprint: `old-${i}` }, at(0));
    const later = LEASE + 5;
    const calls = [
      ...Array.from({ length: seats }, (_, i) => heartbeatSeat({ key, fingerprint: `old-${i}` }, at(later))),
      ...Array.from({ length: 10 }, (_, i) => activateSeat({ key, fingerprint: `new-${i}` }, at(later))),
      reclaimExpiredLeases({ now: at(later).now }),
    ];
    await Promise.allSettled(calls);
    expect(await countSeatsInUse(db, license.id, at(later).now!)).toBe(seats);
    const holders = await seatHoldersByFingerprint(license.id, at(later).now!);
    expect(new Set(holders).size).toBe(seats);
    // Each expired lease was logged exactly once, whoever released it.
    const expiredEvents = await db.event.count({ where: { licenseId: license.id, action: "lease.expired" } });
    expect(expiredEvents).toBe(seats);
  });

  it("concurrent checkouts of one fingerprint give one lease", async () => {
    const { key, license } = await floating(3);
    const results = await Promise.all(Array.from({ length: 8 }, () => activateSeat({ key, fingerprint: "same" }, at(0))));
    expect(new Set(results.map((r) => r.activation.id)).size).toBe(1);
    expect(results.filter((r) => r.created)).toHaveLength(1);
    expect(await db.activation.count({ where: { licenseId: license.id } })).toBe(1);
  });
});
