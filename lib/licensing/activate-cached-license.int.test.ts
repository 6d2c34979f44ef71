// Activation of a cached license takes its seat in one statement that checks the license's digest
// itself. Every change below is made behind the app's back (raw SQL, as another instance would),
// and the very next activation must decide with it: nothing may be written from a stale license.
import { beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { hashPassword } from "@/lib/crypto/passwords";
import { db } from "@/lib/db";
import type { TContext } from "@/lib/events/record-event";
import { makeLicense } from "@/lib/test/factories";
import { activateSeat } from "./activate-seat";
import { clearLicenseCache, licenseCacheStats } from "./license-cache";

const ctx = (): TContext => ({ actor: { type: "LICENSE_KEY" }, ip: "203.0.113.7" });

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return (error as ApiError).code;
}

/** A license this instance has cached: one device activated through the usual lookup. */
async function cached(options: Parameters<typeof makeLicense>[0] = {}) {
  const made = await makeLicense(options);
  await activateSeat({ key: made.key, fingerprint: "first" }, ctx());
  return made;
}

const held = (licenseId: string) => db.activation.count({ where: { licenseId, deactivatedAt: null } });
const created = (licenseId: string) => db.event.count({ where: { licenseId, action: "activation.created" } });

beforeEach(() => clearLicenseCache());

describe("activation of a cached license", () => {
  it("takes the seat from the cache, answering and logging exactly like the lookup path", async () => {
    const { key, license } = await cached({ license: { seats: 3 } });
    const before = licenseCacheStats();
    const fast = await activateSeat({ key, fingerprint: "second", friendlyName: "Laptop" }, ctx());
    expect(licenseCacheStats().hits - before.hits).toBe(1);
    clearLicenseCache();
    const slow = await activateSeat({ key, fingerprint: "third", friendlyName: "Laptop" }, ctx());

    expect(fast.created).toBe(true);
    expect(fast.license).toEqual({ ...slow.license, seats: { ...slow.license.seats, used: 2 } });
    expect(slow.license.seats.used).toBe(3);
    expect(fast.activation).toMatchObject({ fingerprint: "second", friendlyName: "Laptop" });
    expect(await held(license.id)).toBe(3);
    expect(await created(license.id)).toBe(3);
  });

  it("sees a license suspended, expired or given fewer seats elsewhere, and writes nothing", async () => {
    const { key, license } = await cached({ license: { seats: 3 } });
    await db.$executeRaw`UPDATE "License" SET "status" = 'SUSPENDED' WHERE "id" = ${license.id}`;
    expect(await refusal(activateSeat({ key, fingerprint: "a" }, ctx()))).toBe("LICENSE_SUSPENDED");

    await db.$executeRaw`UPDATE "License" SET "status" = 'ACTIVE', "expiresAt" = now() - interval '1 day' WHERE "id" = ${license.id}`;
    expect(await refusal(activateSeat({ key, fingerprint: "a" }, ctx()))).toBe("LICENSE_EXPIRED");

    await db.$executeRaw`UPDATE "License" SET "expiresAt" = NULL, "seats" = 1 WHERE "id" = ${license.id}`;
    expect(await refusal(activateSeat({ key, fingerprint: "a" }, ctx()))).toBe("SEAT_LIMIT_REACHED");
    expect(await held(license.id)).toBe(1);
    expect(await created(license.id)).toBe(1);
  });

  it("asks for an activation password set elsewhere after the license was cached", async () => {
    const { key, license } = await cached();
    const hash = await hashPassword("open sesame");
    await db.$executeRaw`UPDATE "License" SET "activationPasswordHash" = ${hash} WHERE "id" = ${license.id}`;
    expect(await refusal(activateSeat({ key, fingerprint: "a" }, ctx()))).toBe("INVALID_ACTIVATION_PASSWORD");
    expect(await held(license.id)).toBe(1);
    expect((await activateSeat({ key, fingerprint: "a", activationPassword: "open sesame" }, ctx())).created).toBe(true);
  });

  it("follows a policy changed elsewhere: fewer seats, or floating with a lease", async () => {
    const { key, license, policy } = await cached();
    await db.$executeRaw`UPDATE "Policy" SET "seats" = 1 WHERE "id" = ${policy.id}`;
    expect(await refusal(activateSeat({ key, fingerprint: "a" }, ctx()))).toBe("SEAT_LIMIT_REACHED");

    await db.$executeRaw`UPDATE "Policy" SET "seats" = 5, "model" = 'FLOATING', "leaseDurationSeconds" = 600 WHERE "id" = ${policy.id}`;
    const lease = await activateSeat({ key, fingerprint: "a" }, ctx());
    expect(lease.license).toMatchObject({ id: license.id, model: "FLOATING" });
    const row = await db.activation.findFirstOrThrow({ where: { licenseId: license.id, fingerprint: "a" } });
    expect(row.leaseExpiresAt).not.toBeNull();
  });

  it("gives concurrent activations of one cached license exactly the free seats", async () => {
    const { key, license } = await cached({ license: { seats: 4 } });
    const results = await Promise.allSettled(Array.from({ length: 8 }, (_, i) => activateSeat({ key, fingerprint: `d${i}` }, ctx())));
    const codes = results.map((r) => (r.status === "fulfilled" ? "OK" : (r.reason as ApiError).code));
    expect(codes.filter((c) => c === "OK")).toHaveLength(3);
    expect(codes.filter((c) => c === "SEAT_LIMIT_REACHED")).toHaveLength(5);
    expect(await held(license.id)).toBe(4);
    expect(await created(license.id)).toBe(4);
  });

  it("re-activates a device that holds a seat without taking another", async () => {
    const { key, license } = await cached();
    const again = await activateSeat({ key, fingerprint: "first" }, ctx());
    expect(again.created).toBe(false);
    expect(await held(license.id)).toBe(1);
  });
});
