// Activation's insert and deactivation each write several tables in ONE statement (insert-seat.ts,
// deactivate-seat.ts). These check that every part of that statement lands, and that the
// conditional parts stay exact under races.
import { describe, expect, it } from "vitest";
import { createLicense } from "../admin/create-license";
import { ApiError } from "../api/errors";
import { db } from "../db";
import { isWriteConflict } from "../db/write-conflict";
import { makeLicense, staffCtx } from "../test/factories";
import { createWebhookEndpoint } from "../webhooks/endpoints";
import { activateSeat } from "./activate-seat";
import { countSeatsInUse, seatHoldingWhere } from "./count-seats";
import { deactivateActivationById, deactivateSeat } from "./deactivate-seat";
import { findLicenseById } from "./find-license";
import { findActiveSeat } from "./find-seat";
import { takeQuickSeat } from "./take-quick-seat";

const ctx = { actor: { type: "LICENSE_KEY" as const }, ip: "127.0.0.1" };

async function deliveriesFor(endpointId: string, activationId: string, eventType: string) {
  const rows = await db.webhookDelivery.findMany({ where: { endpointId, eventType } });
  return rows.filter((r) => (r.payload as { data: { activationId: string } }).data.activationId === activationId);
}

describe("seat statements", () => {
  it("a new seat is counted in its billing period, logged and queued to webhooks by its one insert", async () => {
    const endpoint = await createWebhookEndpoint({ url: "https://hooks.example.test/in", events: [] }, staffCtx);
    const { key, license } = await makeLicense({ license: { seats: 3 } });
    const periodId = (await db.license.findUniqueOrThrow({ where: { id: license.id } })).currentPeriodId;
    expect(periodId).toBeTruthy();

    const first = await activateSeat({ key, fingerprint: "dev-1", friendlyName: "Ada's laptop" }, ctx);
    expect(first.created).toBe(true);
    expect(first.license).toMatchObject({ id: license.id, seats: { limit: 3, used: 1 } });
    expect(first.record.id).toBe(license.id);
    const row = await db.activation.findUniqueOrThrow({ where: { id: first.activation.id } });
    expect(row).toMatchObject({ lastPeriodId: periodId, friendlyName: "Ada's laptop", ip: "127.0.0.1", overage: false });
    expect(await db.periodUsage.count({ where: { periodId: periodId!, activationId: row.id } })).toBe(1);
    expect((await db.billingPeriod.findUniqueOrThrow({ where: { id: periodId! } })).seatsConsumed).toBe(1);
    const events = await db.event.findMany({ where: { activationId: row.id } });
    expect(events.map((e) => e.action)).toEqual(["activation.created"]);
    expect(events[0]!.id).toMatch(/^[a-z][a-z0-9]{23}$/);
    expect(events[0]!.data).toEqual({ fingerprint: "dev-1", friendlyName: "Ada's laptop" });
    const [delivery] = await deliveriesFor(endpoint.id, row.id, "activation.created");
    expect(delivery!.payload).toMatchObject({ id: events[0]!.id, type: "activation.created", data: { licenseId: license.id, fingerprint: "dev-1" } });

    // The same device again takes no seat and is not counted twice.
    await activateSeat({ key, fingerprint: "dev-1" }, ctx);
    await activateSeat({ key, fingerprint: "dev-2" }, ctx);
    expect((await db.billingPeriod.findUniqueOrThrow({ where: { id: periodId! } })).seatsConsumed).toBe(2);
  });

  it("activations of one event-loop turn share a statement; a license's second one and refusals take the transaction", async () => {
    const endpoint = await createWebhookEndpoint({ url: "https://hooks.example.test/batch-in", events: ["activation.created"] }, staffCtx);
    const roomy = await makeLicense({ license: { seats: 5 } });
    const tight = await makeLicense({ license: { seats: 1 } });
    const other = await makeLicense({ license: { seats: 2 } });
    await activateSeat({ key: tight.key, fingerprint: "first" }, ctx);
    const calls = [
      activateSeat({ key: roomy.key, fingerprint: "r1", friendlyName: "R one" }, ctx),
      activateSeat({ key: tight.key, fingerprint: "t2" }, ctx),
      activateSeat({ key: roomy.key, fingerprint: "r2" }, ctx),
      activateSeat({ key: other.key, fingerprint: "o1" }, ctx),
      activateSeat({ key: roomy.key, fingerprint: "r1" }, ctx),
    ].map((p) => p.then((r) => ({ created: r.created, used: r.license.seats.used, id: r.activation.id }), (e: unknown) => (e instanceof ApiError ? e.code : String(e))));
    const [r1, t2, r2, o1, r1Again] = await Promise.all(calls);
    expect(t2).toBe("SEAT_LIMIT_REACHED");
    expect(o1).toMatchObject({ created: true, used: 1 });
    // The same device twice in one turn: one seat, whichever call took it.
    expect([r1, r1Again].filter((r) => typeof r === "object" && r.created)).toHaveLength(1);
    expect(r1).toMatchObject({ id: (r1Again as { id: string }).id });
    expect(r2).toMatchObject({ created: true });
    expect(await countSeatsInUse(db, roomy.license.id, new Date())).toBe(2);
    for (const { license, seats } of [{ license: roomy.license, seats: 2 }, { license: other.license, seats: 1 }, { license: tight.license, seats: 1 }]) {
      const periodId = (await db.license.findUniqueOrThrow({ where: { id: license.id } })).currentPeriodId!;
      expect((await db.billingPeriod.findUniqueOrThrow({ where: { id: periodId } })).seatsConsumed).toBe(seats);
      const rows = await db.activation.findMany({ where: { licenseId: license.id } });
      expect(rows).toHaveLength(seats);
      for (const row of rows) {
        expect(row.lastPeriodId).toBe(periodId);
        expect(await db.periodUsage.count({ where: { periodId, activationId: row.id } })).toBe(1);
        const events = await db.event.findMany({ where: { action: "activation.created", activationId: row.id } });
        expect(events).toHaveLength(1);
        const [delivery, ...more] = await deliveriesFor(endpoint.id, row.id, "activation.created");
        expect(more).toHaveLength(0);
        expect(delivery!.payload).toMatchObject({ id: events[0]!.id, data: { licenseId: license.id, fingerprint: row.fingerprint } });
      }
    }
    expect((await db.activation.findFirstOrThrow({ where: { licenseId: roomy.license.id, fingerprint: "r1" } })).friendlyName).toBe("R one");
  });

  it.runIf(process.env.TEST_DB_KIND === "postgres")("a shared activation statement that loses a deadlock writes nothing and sends each activation to the transaction", async () => {
    // Another transaction holds the higher license and, once the shared statement holds the lower one
    // and waits for the higher, asks for the lower: a deadlock. The statement, whose wait began first,
    // checks for one first (after deadlock_timeout, 1 s), so it is the one PostgreSQL rolls back. On a
    // machine so busy that the other asks more than 1 s later, the other is rolled back instead, and
    // the scenario runs again.
    async function attempt() {
      const [low, high] = [await makeLicense({ license: { seats: 3 } }), await makeLicense({ license: { seats: 3 } })].sort((a, b) => (a.license.id < b.license.id ? -1 : 1));
      const [lowLicense, highLicense] = [(await findLicenseById(low!.license.id))!, (await findLicenseById(high!.license.id))!];
      let heldHigh!: () => void;
      const highLocked = new Promise<void>((resolve) => (heldHigh = resolve));
      const other = db
        .$transaction(
          async (tx) => {
            await tx.$queryRaw`SELECT 1 FROM "License" WHERE "id" = ${highLicense.id} FOR UPDATE`;
            heldHigh();
            for (let i = 0; i < 500; i++) {
              // Activity statistics are read once per transaction unless the snapshot is cleared.
              await tx.$executeRaw`SELECT pg_stat_clear_snapshot()`;
              const [waiting] = await tx.$queryRaw<{ n: number }[]>`
                SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND wait_event_type = 'Lock'`;
              if (waiting!.n > 0) break;
              await new Promise((r) => setTimeout(r, 20));
            }
            await tx.$queryRaw`SELECT 1 FROM "License" WHERE "id" = ${lowLicense.id} FOR UPDATE`;
          },
          { timeout: 30_000 },
        )
        .then(() => "committed", (error: unknown) => (isWriteConflict(error) ? "rolled back" : Promise.reject(error)));
      await highLocked;
      const now = new Date();
      const take = (license: typeof lowLicense, fingerprint: string) =>
        takeQuickSeat(license, { licenseId: license.id, fingerprint, ip: null, leaseExpiresAt: null }, (activationId) => ({ action: "activation.created", licenseId: license.id, activationId }), { ...ctx, now });
      // Called in one turn, so they share one statement.
      const seats = await Promise.all([take(lowLicense, "dl-1"), take(highLicense, "dl-2")]);
      return { low, high, seats, other: await other, take: () => take(highLicense, "dl-2") };
    }
    let run = await attempt();
    for (let i = 0; i < 2 && run.other !== "committed"; i++) run = await attempt();
    const { low, high, seats, take } = run;
    expect(run.other).toBe("committed");
    expect(seats).toEqual([null, null]);
    const ids = [low!.license.id, high!.license.id];
    expect(await db.activation.count({ where: { licenseId: { in: ids } } })).toBe(0);
    expect(await db.event.count({ where: { licenseId: { in: ids }, action: "activation.created" } })).toBe(0);
    // The transactional path then takes the seats; so does the shared statement, now nothing holds the locks.
    expect((await activateSeat({ key: low!.key, fingerprint: "dl-1" }, ctx)).license.seats.used).toBe(1);
    expect(await take()).toMatchObject({ used: 1 });
  });

  it("floating checkouts of one turn lease their seats in the shared statement; a full license still refuses with Retry-After", async () => {
    const now = new Date(Date.UTC(2026, 10, 22, 12));
    const at = { ...ctx, now };
    const a = await makeLicense({ policy: { model: "FLOATING", seats: 2, leaseDurationSeconds: 600 } });
    const b = await makeLicense({ policy: { model: "FLOATING", seats: 1, leaseDurationSeconds: 600 } });
    const [first, other, second] = await Promise.all([
      activateSeat({ key: a.key, fingerprint: "f1" }, at),
      activateSeat({ key: b.key, fingerprint: "g1" }, at),
      activateSeat({ key: a.key, fingerprint: "f2" }, at),
    ]);
    const end = new Date(now.getTime() + 600_000).toISOString();
    for (const res of [first!, other!, second!]) expect(res.activation).toMatchObject({ leaseExpiresAt: end, refreshBefore: new Date(now.getTime() + 300_000).toISOString() });
    expect([first!.license.seats.used, second!.license.seats.used].sort()).toEqual([1, 2]);
    const created = await db.event.findFirstOrThrow({ where: { action: "activation.created", activationId: other!.activation.id } });
    expect(created.data).toEqual({ fingerprint: "g1", friendlyName: null, lease: true, leaseExpiresAt: end, via: "activation" });
    const refused = await activateSeat({ key: b.key, fingerprint: "g2" }, at).catch((error: unknown) => error);
    expect(refused).toMatchObject({ code: "SEAT_LIMIT_REACHED", details: { retryAfter: 600 } });
  });

  it("a device moving from a sibling license frees its old seat in the activation's transaction", async () => {
    const a = await makeLicense({ license: { seats: 2 } });
    const sibling = await createLicense({ policyId: a.policy.id, organizationId: a.organization.id }, staffCtx);
    const old = await activateSeat({ key: sibling.key, fingerprint: "mover" }, ctx);
    const moved = await activateSeat({ key: a.key, fingerprint: "mover" }, ctx);
    expect(await db.activation.findUniqueOrThrow({ where: { id: old.activation.id } })).toMatchObject({ deactivatedBy: "MOVED" });
    const event = await db.event.findFirstOrThrow({ where: { action: "activation.moved", activationId: old.activation.id } });
    expect(event.data).toMatchObject({ toLicenseId: a.license.id, toActivationId: moved.activation.id });
  });

  it("racing deactivations of one seat: exactly one frees it, with one event and one delivery", async () => {
    const endpoint = await createWebhookEndpoint({ url: "https://hooks.example.test/race", events: ["activation.deactivated"] }, staffCtx);
    const { key } = await makeLicense({ license: { seats: 2 } });
    const { activation } = await activateSeat({ key, fingerprint: "twice" }, ctx);
    const outcomes = await Promise.all(
      Array.from({ length: 12 }, () =>
        deactivateSeat({ key, fingerprint: "twice" }, ctx).then(
          () => "DEACTIVATED",
          (error: unknown) => (error instanceof ApiError ? error.code : String(error)),
        ),
      ),
    );
    expect(outcomes.filter((o) => o === "DEACTIVATED")).toHaveLength(1);
    expect(outcomes.filter((o) => o !== "DEACTIVATED").every((o) => o === "ACTIVATION_NOT_FOUND")).toBe(true);
    expect(await db.event.count({ where: { action: "activation.deactivated", activationId: activation.id } })).toBe(1);
    expect(await deliveriesFor(endpoint.id, activation.id, "activation.deactivated")).toHaveLength(1);
  });

  it("deactivations of one event-loop turn share a statement and answer as if run in call order", async () => {
    const endpoint = await createWebhookEndpoint({ url: "https://hooks.example.test/batch", events: ["activation.deactivated"] }, staffCtx);
    const one = await makeLicense({ policy: { seats: 9 } });
    const other = await makeLicense({ policy: { seats: 9, deactivationCooldownHours: 24 } });
    for (const fingerprint of ["a", "b", "c", "d", "e"]) await activateSeat({ key: one.key, fingerprint }, ctx);
    for (const fingerprint of ["x", "y"]) await activateSeat({ key: other.key, fingerprint }, ctx);
    // Called in one turn: four seats of one license, two of another (in their cooldown), one twice.
    const calls = [
      deactivateSeat({ key: one.key, fingerprint: "d" }, ctx),
      deactivateSeat({ key: other.key, fingerprint: "x" }, ctx),
      deactivateSeat({ key: one.key, fingerprint: "a" }, ctx),
      deactivateSeat({ key: one.key, fingerprint: "c" }, ctx),
      deactivateSeat({ key: other.key, fingerprint: "y" }, ctx),
      deactivateSeat({ key: one.key, fingerprint: "b" }, ctx),
    ].map((p) => p.then((r) => r.license.seats.used));
    expect(await Promise.all(calls)).toEqual([4, 2, 3, 2, 2, 1]);
    expect(await countSeatsInUse(db, one.license.id, new Date())).toBe(1);
    expect(await countSeatsInUse(db, other.license.id, new Date())).toBe(2);
    const freed = await db.activation.findMany({ where: { licenseId: { in: [one.license.id, other.license.id] }, deactivatedAt: { not: null } } });
    expect(freed.map((a) => a.fingerprint).sort()).toEqual(["a", "b", "c", "d", "x", "y"]);
    for (const seat of freed) {
      const events = await db.event.findMany({ where: { action: "activation.deactivated", activationId: seat.id } });
      expect(events).toHaveLength(1);
      expect(events[0]!.data).toMatchObject({ fingerprint: seat.fingerprint });
      const [delivery, ...more] = await deliveriesFor(endpoint.id, seat.id, "activation.deactivated");
      expect(more).toHaveLength(0);
      expect(delivery!.payload).toMatchObject({ id: events[0]!.id, data: { licenseId: seat.licenseId, fingerprint: seat.fingerprint } });
    }
  });

  it("the deactivation's answer counts seats as a fresh count does, with and without a cooldown", async () => {
    for (const cooldown of [0, 24]) {
      const { key, license } = await makeLicense({ policy: { seats: 5, deactivationCooldownHours: cooldown } });
      for (const fingerprint of ["a", "b", "c"]) await activateSeat({ key, fingerprint }, ctx);
      const freed = await deactivateSeat({ key, fingerprint: "b" }, ctx);
      expect(freed.license.seats.used).toBe(cooldown ? 3 : 2);
      expect(freed.license.seats.used).toBe(await countSeatsInUse(db, license.id, new Date()));
    }
  });

  it("seatwise_lock_seats() counts seats and finds the device's seat as countSeatsInUse and findActiveSeat do", async () => {
    const { key, license } = await makeLicense({ policy: { seats: 9, deactivationCooldownHours: 2 } });
    for (const fingerprint of ["a", "b", "c", "d"]) await activateSeat({ key, fingerprint }, ctx);
    await deactivateSeat({ key, fingerprint: "b" }, ctx); // in its cooldown: still counts
    await deactivateActivationById((await db.activation.findFirstOrThrow({ where: { licenseId: license.id, fingerprint: "c" } })).id, staffCtx);
    // A lease that ran out an hour ago no longer counts; one with time left does.
    const hourAgo = new Date(Date.now() - 3_600_000);
    await db.activation.create({ data: { licenseId: license.id, fingerprint: "old-lease", leaseExpiresAt: hourAgo } });
    await db.activation.create({ data: { licenseId: license.id, fingerprint: "live-lease", leaseExpiresAt: new Date(Date.now() + 3_600_000) } });
    for (const at of [new Date(), new Date(Date.now() + 3 * 3_600_000)]) {
      for (const fingerprint of ["a", "b", "zzz"]) {
        const [row] = await db.$queryRaw<{ existingId: string | null; used: number; status: string }[]>`
          SELECT * FROM "seatwise_lock_seats"(${license.id}, ${fingerprint}, ${at}::timestamptz)`;
        expect(row!.status).toBe("ACTIVE");
        expect(row!.used).toBe(await countSeatsInUse(db, license.id, at));
        // The rule as Prisma filters write it (console lists), counted without the partial indexes.
        expect(row!.used).toBe(await db.activation.count({ where: seatHoldingWhere(license.id, at) }));
        expect(row!.existingId).toBe((await findActiveSeat(license.id, fingerprint))?.id ?? null);
      }
    }
  });
});
