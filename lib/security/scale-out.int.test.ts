/**
 * Scale-out: two `next start` processes of this build on one PostgreSQL database, as two instances
 * behind a load balancer. Nothing that must be shared may live in process memory, so across both:
 * the seat race ends with exactly N seats (node-locked and floating), one rate limit is counted once,
 * and a session signed in on one instance is valid on the other. PostgreSQL only: the embedded
 * database belongs to one process by design. Needs a production build; builds once when sources changed.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../test/free-port";
import { ensureProductionBuild } from "../test/production-build";
import { staffCookie, startServer } from "../bench/server";
import { db } from "../db";
import { countSeatsInUse } from "../licensing/count-seats";
import { makeLicense, makeStaff } from "../test/factories";

const KEY_LIMIT = 150;

type TInstance = Awaited<ReturnType<typeof startServer>>;

function post(base: string, path: string, body: unknown) {
  return fetch(`${base}${path}`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
}

/** Every request goes to the other instance than the one before: round-robin balancing. */
async function race(instances: TInstance[], key: string, devices: number) {
  const statuses: Record<string, number> = {};
  await Promise.all(
    Array.from({ length: devices }, async (_, i) => {
      const res = await post(instances[i % instances.length]!.url, "/api/v1/activations", { key, fingerprint: `device-${i}` });
      const body = (await res.json()) as { error?: { code: string } };
      const outcome = res.ok ? "created" : (body.error?.code ?? String(res.status));
      statuses[outcome] = (statuses[outcome] ?? 0) + 1;
    }),
  );
  return statuses;
}

describe.runIf(process.env.TEST_DB_KIND === "postgres")("two app instances on one PostgreSQL", () => {
  let instances: TInstance[] = [];

  beforeAll(async () => {
    ensureProductionBuild();
    const env = {
      DATABASE_URL: process.env.DATABASE_URL,
      DATABASE_POOL_SIZE: "8",
      SEATWISE_SECRET: "scale-out-secret-shared-by-both-instances",
      // Every test request comes from 127.0.0.1, so only the per-key limit is in play.
      SEATWISE_RATE_LIMIT_CLIENT_IP: "off",
      SEATWISE_RATE_LIMIT_CLIENT_KEY: `${KEY_LIMIT}/300`,
    };
    const ports = [await freePort(), await freePort()];
    instances = await Promise.all(ports.map((port) => startServer(port, { ...env, NEXTAUTH_URL: `http://127.0.0.1:${port}` })));
  }, 600_000);

  afterAll(async () => {
    await Promise.all(instances.map((i) => i.stop()));
  });

  it("120 devices racing for 30 node-locked seats through both instances end with exactly 30", async () => {
    const { key, license } = await makeLicense({ license: { seats: 30 } });
    expect(await race(instances, key, 120)).toEqual({ created: 30, SEAT_LIMIT_REACHED: 90 });
    expect(await db.activation.count({ where: { licenseId: license.id, deactivatedAt: null } })).toBe(30);
  }, 120_000);

  it("60 apps checking out 10 floating leases through both instances end with exactly 10 leases", async () => {
    const { key, license } = await makeLicense({ policy: { model: "FLOATING", seats: 10, leaseDurationSeconds: 600 } });
    expect(await race(instances, key, 60)).toEqual({ created: 10, SEAT_LIMIT_REACHED: 50 });
    expect(await countSeatsInUse(db, license.id, new Date())).toBe(10);
  }, 120_000);

  it("a rate limit is counted once across instances, not once per instance", async () => {
    const { key } = await makeLicense();
    const answers = await Promise.all(
      Array.from({ length: KEY_LIMIT + 50 }, (_, i) => post(instances[i % 2]!.url, "/api/v1/validate", { key }).then((r) => r.status)),
    );
    expect(answers.filter((s) => s === 200)).toHaveLength(KEY_LIMIT);
    expect(answers.filter((s) => s === 429)).toHaveLength(50);
  }, 120_000);

  it("a console session signed in on one instance is valid on the other", async () => {
    const { email, password } = await makeStaff("ADMIN");
    const cookie = await staffCookie(instances[0]!.url, email, password);
    const res = await fetch(`${instances[1]!.url}/console/licenses`, { headers: { cookie }, redirect: "manual" });
    expect(res.status).toBe(200);
    expect(await res.text()).toContain("Licenses");
  }, 120_000);
});
