// Deactivation of a cached license finds and frees the device's seat in one statement that checks the
// license's digest itself. Changes below are made behind the app's back (raw SQL, as another instance
// would), and the very next deactivation must decide with them.
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import type { TContext } from "@/lib/events/record-event";
import { makeLicense, staffCtx } from "@/lib/test/factories";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { activateSeat } from "./activate-seat";
import { deactivateSeat, lookUpDeactivationAhead } from "./deactivate-seat";
import { findLicenseSeatAndCount } from "./find-seat";
import { clearLicenseCache, licenseCacheStats } from "./license-cache";

// Watched, to tell the one-statement path (no lookup) from the lookup path.
vi.mock("./find-seat", async (original) => {
  const actual = await original<typeof import("./find-seat")>();
  return { ...actual, findLicenseSeatAndCount: vi.fn(actual.findLicenseSeatAndCount) };
});
const lookups = vi.mocked(findLicenseSeatAndCount);

const ctx = (): TContext => ({ actor: { type: "LICENSE_KEY" }, ip: "203.0.113.7" });

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return (error as ApiError).code;
}

/** A license this instance has cached, with these devices holding seats. */
async function cached(devices: string[], options: Parameters<typeof makeLicense>[0] = {}) {
  const made = await makeLicense({ ...options, license: { seats: 5, ...options.license } });
  for (const fingerprint of devices) await activateSeat({ key: made.key, fingerprint, friendlyName: `${fingerprint}'s laptop` }, ctx());
  return made;
}

const held = (licenseId: string) => db.activation.count({ where: { licenseId, deactivatedAt: null } });
const freedEvents = (licenseId: string) => db.event.findMany({ where: { licenseId, action: "activation.deactivated" }, orderBy: { createdAt: "asc" } });

beforeEach(async () => {
  clearLicenseCache();
  await db.webhookEndpoint.deleteMany();
});
afterEach(() => db.webhookEndpoint.deleteMany());

describe("deactivation of a cached license", () => {
  it("frees the seat from the cache, answering, logging and notifying exactly like the lookup path", async () => {
    await createWebhookEndpoint({ url: "http://127.0.0.1:3349/unused", events: ["activation.deactivated"] }, staffCtx);
    const { key, license } = await cached(["a", "b", "c"]);
    const hits = licenseCacheStats().hits;
    lookups.mockClear();
    const fast = await deactivateSeat({ key, fingerprint: "a" }, ctx());
    expect(lookups).not.toHaveBeenCalled();
    expect(licenseCacheStats().hits - hits).toBe(1);
    clearLicenseCache();
    const slow = await deactivateSeat({ key, fingerprint: "b" }, ctx());
    expect(lookups).toHaveBeenCalledTimes(1);

    expect(fast.activation).toMatchObject({ fingerprint: "a", friendlyName: "a's laptop" });
    expect(fast.activation.deactivatedAt).not.toBeNull();
    expect(fast.license).toEqual({ ...slow.license, seats: { ...slow.license.seats, used: 2 } });
    expect(slow.license.seats.used).toBe(1);
    expect(await held(license.id)).toBe(1);

    // The statement filled in the seat's id and friendly name itself: same event, same webhook body.
    const [fastEvent, slowEvent] = await freedEvents(license.id);
    const seatA = await db.activation.findFirstOrThrow({ where: { licenseId: license.id, fingerprint: "a" } });
    expect(fastEvent).toMatchObject({ activationId: seatA.id, data: { fingerprint: "a", friendlyName: "a's laptop", seatFreedAt: null } });
    expect(slowEvent!.data).toEqual({ fingerprint: "b", friendlyName: "b's laptop", seatFreedAt: null });
    const payloads = (await db.webhookDelivery.findMany({ where: { orderingKey: license.id } })).map((d) => d.payload as Record<string, unknown>);
    const { organizationId } = await db.license.findUniqueOrThrow({ where: { id: license.id } });
    const byEvent = new Map(payloads.map((p) => [p.id, p]));
    const body = (event: typeof fastEvent) => byEvent.get(event!.id) as { data: Record<string, unknown> };
    expect(body(fastEvent)).toEqual({
      id: fastEvent!.id,
      type: "activation.deactivated",
      timestamp: fastEvent!.createdAt.toISOString(),
      data: { fingerprint: "a", friendlyName: "a's laptop", seatFreedAt: null, licenseId: license.id, organizationId, activationId: seatA.id, actor: { type: "LICENSE_KEY", id: null, label: null } },
    });
    expect(Object.keys(body(fastEvent).data).sort()).toEqual(Object.keys(body(slowEvent).data).sort());
  });

  it("follows a cooldown set elsewhere after the license was cached", async () => {
    const { key, license } = await cached(["a"]);
    await db.$executeRaw`UPDATE "License" SET "deactivationCooldownHours" = 24 WHERE "id" = ${license.id}`;
    lookups.mockClear();
    const answer = await deactivateSeat({ key, fingerprint: "a" }, ctx());
    const freedAt = new Date(answer.seatFreedAt).getTime();
    expect(freedAt - Date.now()).toBeGreaterThan(23 * 3_600_000);
    // The statement saw the digest change and wrote nothing; the lookup path read the license again.
    expect(lookups).toHaveBeenCalledTimes(1);
    expect(answer.license.seats.used).toBe(1);
  });

  it("frees the seat of a license suspended elsewhere: freeing a seat never needs support", async () => {
    const { key, license } = await cached(["a"]);
    await db.$executeRaw`UPDATE "License" SET "status" = 'SUSPENDED' WHERE "id" = ${license.id}`;
    const answer = await deactivateSeat({ key, fingerprint: "a" }, ctx());
    expect(answer.license.status).toBe("SUSPENDED");
    expect(await held(license.id)).toBe(0);
  });

  it("refuses a device that holds no seat, writing nothing", async () => {
    const { key, license } = await cached(["a"]);
    expect(await refusal(deactivateSeat({ key, fingerprint: "nobody" }, ctx()))).toBe("ACTIVATION_NOT_FOUND");
    await deactivateSeat({ key, fingerprint: "a" }, ctx());
    expect(await refusal(deactivateSeat({ key, fingerprint: "a" }, ctx()))).toBe("ACTIVATION_NOT_FOUND");
    expect(await freedEvents(license.id)).toHaveLength(1);
  });

  it("frees a device's seat once when it deactivates twice at the same time", async () => {
    const { key, license } = await cached(["a", "b"]);
    const results = await Promise.allSettled([
      deactivateSeat({ key, fingerprint: "a" }, ctx()),
      deactivateSeat({ key, fingerprint: "a" }, ctx()),
      deactivateSeat({ key, fingerprint: "b" }, ctx()),
    ]);
    const codes = results.map((r) => (r.status === "fulfilled" ? "OK" : (r.reason as ApiError).code));
    expect(codes).toEqual(["OK", "ACTIVATION_NOT_FOUND", "OK"]);
    const used = results.flatMap((r) => (r.status === "fulfilled" ? [r.value.license.seats.used] : []));
    expect(used).toEqual([1, 0]);
    expect(await freedEvents(license.id)).toHaveLength(2);
  });

  it("starts no lookup ahead for a cached license, and one for any other", async () => {
    const { key } = await cached(["a"]);
    expect(lookUpDeactivationAhead({ key, fingerprint: "a" })).toBeUndefined();
    clearLicenseCache();
    const ahead = lookUpDeactivationAhead({ key, fingerprint: "a" });
    expect(ahead).toBeDefined();
    expect((await ahead!.found)?.activation?.fingerprint).toBe("a");
  });
});
