// The license cache must never answer with a changed license: every change below is made behind the
// app's back (raw SQL, as another instance or a DBA would), and the very next call must see it.
import { beforeEach, describe, expect, it } from "vitest";
import { ApiError } from "@/lib/api/errors";
import { db } from "@/lib/db";
import type { TContext } from "@/lib/events/record-event";
import { makeLicense } from "@/lib/test/factories";
import { activateSeat } from "./activate-seat";
import { findCachedLicenseByKey } from "./find-cached-license";
import { findLicenseByKey } from "./find-license";
import { findLicenseSeatAndCount, findSeatAndCount } from "./find-seat";
import { heartbeatSeat } from "./heartbeat-seat";
import { clearLicenseCache, licenseCacheStats } from "./license-cache";
import { validateSeat } from "./validate-seat";

const ctx = (): TContext => ({ actor: { type: "LICENSE_KEY" }, ip: "203.0.113.7" });

async function refusal(promise: Promise<unknown>): Promise<string> {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(ApiError);
  return (error as ApiError).code;
}

async function activated(seats = 3) {
  const made = await makeLicense({ license: { seats } });
  await activateSeat({ key: made.key, fingerprint: "fp-1" }, ctx());
  await activateSeat({ key: made.key, fingerprint: "fp-2" }, ctx());
  return made;
}

beforeEach(() => clearLicenseCache());

describe("license cache", () => {
  it("answers like the uncached reads, and reuses an unchanged license", async () => {
    const { key, license } = await activated();
    const now = new Date();
    for (const fingerprint of ["fp-1", "fp-2", "unknown", undefined]) {
      const combined = await findLicenseSeatAndCount(key, fingerprint, now);
      const separate = await findSeatAndCount(license.id, fingerprint, now);
      expect(combined?.activation ?? null).toEqual(separate.activation);
      expect(combined?.used).toBe(separate.used);
      expect(combined?.license).toEqual(await findLicenseByKey(key));
    }
    expect(await findLicenseSeatAndCount("SW-NOPE-NOPE-NOPE", "fp-1", now)).toBeNull();

    const before = licenseCacheStats();
    expect((await validateSeat({ key, fingerprint: "fp-1" }, ctx())).code).toBe("VALID");
    await heartbeatSeat({ key, fingerprint: "fp-1" }, ctx());
    const after = licenseCacheStats();
    expect(after.hits - before.hits).toBe(2);
    expect(after.misses - before.misses).toBe(0);
  });

  it("answers concurrent lookups (one shared statement) exactly as one at a time", async () => {
    const a = await activated();
    const b = await activated();
    const now = new Date();
    const asks: [string, string | undefined][] = [
      [a.key, "fp-1"], [b.key, "fp-2"], [a.key, "unknown"], ["SW-NOPE-NOPE-NOPE", "fp-1"], [b.key, undefined], [a.key, "fp-2"],
    ];
    const together = await Promise.all(asks.map(([key, fp]) => findLicenseSeatAndCount(key, fp, now)));
    for (const [i, [key, fp]] of asks.entries()) {
      const alone = await findLicenseSeatAndCount(key, fp, now);
      expect(together[i]?.license.id, `${key} / ${fp}`).toBe(alone?.license.id);
      expect(together[i]?.activation ?? null).toEqual(alone?.activation ?? null);
      expect(together[i]?.used).toBe(alone?.used);
    }
    expect(together[0]?.activation?.fingerprint).toBe("fp-1");
    expect(together[1]?.license.id).toBe(b.license.id);
    expect(together[3]).toBeNull();
  });


  it("answers concurrent activations' license reads (one shared statement) exactly as one at a time", async () => {
    const a = await activated();
    const b = await makeLicense();
    await db.license.update({ where: { id: b.license.id }, data: { activationPasswordHash: "x" } });
    const keys = [a.key, b.key, "SW-NOPE-NOPE-NOPE", a.key.toLowerCase(), b.key];
    const together = await Promise.all(keys.map((key) => findCachedLicenseByKey(key)));
    for (const [i, key] of keys.entries()) {
      const alone = await findCachedLicenseByKey(key);
      expect(together[i]?.license.id, key).toBe(alone?.license.id);
      expect(together[i]?.hasActivationPassword, key).toBe(alone?.hasActivationPassword);
    }
    expect(together.map((f) => f?.license.id ?? null)).toEqual([a.license.id, b.license.id, null, a.license.id, b.license.id]);
    expect(together.map((f) => f?.hasActivationPassword)).toEqual([false, true, undefined, false, true]);
  });
  it("answers concurrent heartbeats (one shared statement), the same device twice included", async () => {
    const a = await activated();
    const b = await activated();
    await heartbeatSeat({ key: a.key, fingerprint: "fp-1" }, ctx());
    await heartbeatSeat({ key: b.key, fingerprint: "fp-1" }, ctx());
    const before = licenseCacheStats();
    const beats = await Promise.allSettled([
      heartbeatSeat({ key: a.key, fingerprint: "fp-1", appVersion: "9.1" }, ctx()),
      heartbeatSeat({ key: a.key, fingerprint: "fp-1", appVersion: "9.1" }, ctx()),
      heartbeatSeat({ key: a.key, fingerprint: "fp-2", platform: "linux" }, ctx()),
      heartbeatSeat({ key: b.key, fingerprint: "fp-2" }, ctx()),
      heartbeatSeat({ key: b.key, fingerprint: "nobody" }, ctx()),
    ]);
    expect(licenseCacheStats().hits - before.hits).toBe(5);
    const ok = beats.map((r) => (r.status === "fulfilled" ? r.value.activation.fingerprint : (r.reason as ApiError).code));
    expect(ok).toEqual(["fp-1", "fp-1", "fp-2", "fp-2", "ACTIVATION_NOT_FOUND"]);
    const fulfilled = beats.filter((r) => r.status === "fulfilled").map((r) => (r as PromiseFulfilledResult<Awaited<ReturnType<typeof heartbeatSeat>>>).value);
    expect(fulfilled.map((v) => v.license.seats.used)).toEqual([2, 2, 2, 2]);
    const seat = await db.activation.findFirstOrThrow({ where: { licenseId: a.license.id, fingerprint: "fp-1" } });
    expect(seat.appVersion).toBe("9.1");
    expect((await db.activation.findFirstOrThrow({ where: { licenseId: a.license.id, fingerprint: "fp-2" } })).platform).toBe("linux");
  });

  it("sees a license suspended, expired or given fewer seats by someone else on the next call", async () => {
    const { key, license } = await activated();
    expect((await validateSeat({ key, fingerprint: "fp-1" }, ctx())).code).toBe("VALID");

    await db.$executeRaw`UPDATE "License" SET "status" = 'SUSPENDED' WHERE "id" = ${license.id}`;
    expect((await validateSeat({ key, fingerprint: "fp-1" }, ctx())).code).toBe("SUSPENDED");
    const seen = (await db.activation.findFirstOrThrow({ where: { licenseId: license.id, fingerprint: "fp-2" } })).lastSeenAt;
    expect(await refusal(heartbeatSeat({ key, fingerprint: "fp-2" }, ctx()))).toBe("LICENSE_SUSPENDED");
    // The refused heartbeat touched nothing.
    expect((await db.activation.findFirstOrThrow({ where: { licenseId: license.id, fingerprint: "fp-2" } })).lastSeenAt).toEqual(seen);

    await db.$executeRaw`UPDATE "License" SET "status" = 'ACTIVE', "expiresAt" = now() - interval '1 day' WHERE "id" = ${license.id}`;
    expect(await refusal(heartbeatSeat({ key, fingerprint: "fp-2" }, ctx()))).toBe("LICENSE_EXPIRED");
    expect((await validateSeat({ key, fingerprint: "fp-1" }, ctx())).code).toBe("EXPIRED");

    await db.$executeRaw`UPDATE "License" SET "expiresAt" = NULL, "seats" = 1 WHERE "id" = ${license.id}`;
    const valid = await validateSeat({ key, fingerprint: "fp-1" }, ctx());
    expect(valid.code).toBe("VALID");
    expect(valid.license?.seats).toMatchObject({ limit: 1, used: 2 });
  });

  it("sees changes to the policy, product and organization rows too", async () => {
    const { key, license, policy, product, organization } = await activated();
    await heartbeatSeat({ key, fingerprint: "fp-1" }, ctx());

    await db.$executeRaw`UPDATE "Organization" SET "name" = 'Renamed Org' WHERE "id" = ${organization.id}`;
    expect((await validateSeat({ key, fingerprint: "fp-1" }, ctx())).license?.organization?.name).toBe("Renamed Org");

    await db.$executeRaw`UPDATE "Policy" SET "entitlements" = ARRAY['export'] WHERE "id" = ${policy.id}`;
    expect((await validateSeat({ key, fingerprint: "fp-1", entitlements: ["export"] }, ctx())).code).toBe("VALID");
    await db.$executeRaw`UPDATE "Policy" SET "entitlements" = ARRAY[]::text[] WHERE "id" = ${policy.id}`;
    expect((await validateSeat({ key, fingerprint: "fp-1", entitlements: ["export"] }, ctx())).code).toBe("ENTITLEMENTS_MISSING");

    await db.$executeRaw`UPDATE "Product" SET "name" = 'Renamed Product' WHERE "id" = ${product.id}`;
    const beat = await heartbeatSeat({ key, fingerprint: "fp-1" }, ctx());
    expect(beat.license.product?.name).toBe("Renamed Product");

    await db.$executeRaw`UPDATE "Policy" SET "model" = 'FLOATING', "leaseDurationSeconds" = 600 WHERE "id" = ${policy.id}`;
    const floating = await validateSeat({ key, fingerprint: "fp-1" }, ctx());
    expect(floating.license).toMatchObject({ id: license.id, model: "FLOATING", leaseDurationSeconds: 600 });
  });

  it("answers for a seat deactivated elsewhere on the next heartbeat", async () => {
    const { key, license } = await activated();
    await heartbeatSeat({ key, fingerprint: "fp-1" }, ctx());
    await db.$executeRaw`UPDATE "Activation" SET "deactivatedAt" = now(), "deactivatedBy" = 'STAFF' WHERE "licenseId" = ${license.id} AND "fingerprint" = 'fp-1'`;
    expect(await refusal(heartbeatSeat({ key, fingerprint: "fp-1" }, ctx()))).toBe("DEACTIVATED");
    expect(await refusal(heartbeatSeat({ key, fingerprint: "never-here" }, ctx()))).toBe("ACTIVATION_NOT_FOUND");
  });
});
