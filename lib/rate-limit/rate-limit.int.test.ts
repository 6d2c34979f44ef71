import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { POST as createToken } from "@/app/api/v1/admin/tokens/route";
import { POST as activate } from "@/app/api/v1/activations/route";
import { POST as heartbeat } from "@/app/api/v1/heartbeats/route";
import { POST as validate } from "@/app/api/v1/validate/route";
import { db } from "@/lib/db";
import { makeLicense, makeStaff } from "@/lib/test/factories";
import { callRoute } from "@/lib/test/http";
import { resetInMemoryBlocks } from "./limiter-store";

const saved = { ...process.env };
let n = 0;
// Each test gets its own addresses, so counters never leak between tests.
const ip = () => `203.0.113.${++n}`;
const UNKNOWN_KEY = "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA";
const basic = (email: string, password: string) => `Basic ${Buffer.from(`${email}:${password}`).toString("base64")}`;

beforeEach(() => resetInMemoryBlocks());
afterEach(() => {
  process.env = { ...saved };
});

describe("client endpoints", () => {
  it("limits requests per IP: 429 RATE_LIMITED with Retry-After and X-RateLimit-* headers", async () => {
    process.env.SEATWISE_RATE_LIMIT_CLIENT_IP = "3/60";
    const { key } = await makeLicense();
    const from = ip();
    const answers = [];
    for (let i = 0; i < 4; i++) answers.push(await callRoute(validate, { body: { key }, ip: from }));
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 429]);
    expect(answers[0]!.headers.get("x-ratelimit-limit")).toBe("3");
    expect(answers[0]!.headers.get("x-ratelimit-remaining")).toBe("2");
    expect(Number(answers[0]!.headers.get("x-ratelimit-reset"))).toBeGreaterThan(Date.now() / 1000);
    const refused = answers[3]!;
    expect(refused.json.error.code).toBe("RATE_LIMITED");
    expect(refused.json.error.message).toMatch(/Too many/);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers.get("retry-after"))).toBeLessThanOrEqual(60);
    expect(refused.headers.get("x-ratelimit-remaining")).toBe("0");
    // Another address is unaffected.
    expect((await callRoute(validate, { body: { key }, ip: ip() })).status).toBe(200);
  });

  it("limits requests per license key across addresses (the key in any spelling counts as one)", async () => {
    process.env.SEATWISE_RATE_LIMIT_CLIENT_KEY = "2/60";
    const { key } = await makeLicense();
    expect((await callRoute(validate, { body: { key }, ip: ip() })).status).toBe(200);
    expect((await callRoute(heartbeat, { body: { key: key.toLowerCase(), fingerprint: "f" }, ip: ip() })).status).toBe(404);
    const third = await callRoute(activate, { body: { key, fingerprint: "f" }, ip: ip() });
    expect([third.status, third.json.error.code]).toEqual([429, "RATE_LIMITED"]);
    const other = await makeLicense();
    expect((await callRoute(validate, { body: { key: other.key }, ip: ip() })).status).toBe(200);
  });

  it("blocks an IP that guesses keys: only unknown keys count, one Event per burst", async () => {
    process.env.SEATWISE_RATE_LIMIT_LOOKUP_FAILURES = "3/600";
    const { key } = await makeLicense();
    const guesser = ip();
    // Valid lookups never count toward the guessing limit.
    for (let i = 0; i < 5; i++) expect((await callRoute(validate, { body: { key }, ip: guesser })).status).toBe(200);
    const guesses = [];
    for (let i = 0; i < 4; i++) {
      const wrong = `${UNKNOWN_KEY.slice(0, -1)}${i}`;
      guesses.push(await callRoute(i % 2 ? activate : validate, { body: { key: wrong, fingerprint: "f" }, ip: guesser }));
    }
    expect(guesses.map((g) => g.json.code ?? g.json.error?.code)).toEqual(["NOT_FOUND", "LICENSE_NOT_FOUND", "NOT_FOUND", "LICENSE_NOT_FOUND"]);
    // Now the address is blocked, even with a real key, on every client route.
    for (const route of [validate, activate, validate]) {
      const res = await callRoute(route, { body: { key, fingerprint: "f" }, ip: guesser });
      expect([res.status, res.json.error.code]).toEqual([429, "RATE_LIMITED"]);
      expect(Number(res.headers.get("retry-after"))).toBeGreaterThan(500);
    }
    const events = await db.event.findMany({ where: { action: "security.key_guessing_blocked", ip: guesser } });
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ failures: 4, windowSeconds: 600 });
    // Others keep working.
    expect((await callRoute(validate, { body: { key }, ip: ip() })).status).toBe(200);
  });

  it("keeps counters in the shared database, so a second instance (fresh memory) sees them", async () => {
    process.env.SEATWISE_RATE_LIMIT_CLIENT_IP = "2/60";
    const { key } = await makeLicense();
    const from = ip();
    await callRoute(validate, { body: { key }, ip: from });
    await callRoute(validate, { body: { key }, ip: from });
    // Drop this process's limiters entirely, as if another instance answered the next request.
    (globalThis as { __seatwiseLimiters?: unknown }).__seatwiseLimiters = undefined;
    expect((await callRoute(validate, { body: { key }, ip: from })).status).toBe(429);
    const row = await db.rateLimiterFlexible.findUnique({ where: { key: `sw:client-ip:${from}` } });
    expect(row?.points).toBe(3);
    expect(row!.expire!.getTime()).toBeGreaterThan(Date.now());
    expect(row!.expire!.getTime()).toBeLessThanOrEqual(Date.now() + 60_000);
    // License keys are counted under a digest, never stored in the clear.
    const keys = (await db.rateLimiterFlexible.findMany()).map((r) => r.key);
    expect(keys.some((k) => k.includes(key))).toBe(false);
  });

  it("starts a new window once the old one expired", async () => {
    process.env.SEATWISE_RATE_LIMIT_CLIENT_IP = "1/60";
    const { key } = await makeLicense();
    const from = ip();
    await callRoute(validate, { body: { key }, ip: from });
    await db.rateLimiterFlexible.update({ where: { key: `sw:client-ip:${from}` }, data: { expire: new Date(Date.now() - 1000) } });
    resetInMemoryBlocks();
    const res = await callRoute(validate, { body: { key }, ip: from });
    expect(res.status).toBe(200);
    expect(res.headers.get("x-ratelimit-remaining")).toBe("0");
  });

  it("counts malformed requests too", async () => {
    process.env.SEATWISE_RATE_LIMIT_CLIENT_IP = "2/60";
    const from = ip();
    expect((await callRoute(validate, { rawBody: "{nope", ip: from })).status).toBe(400);
    expect((await callRoute(validate, { rawBody: "[]", ip: from })).status).toBe(400);
    expect((await callRoute(validate, { rawBody: "{nope", ip: from })).status).toBe(429);
  });

  it("can be switched off for benchmarks (SEATWISE_RATE_LIMITS=off) and per limit", async () => {
    process.env.SEATWISE_RATE_LIMITS = "off";
    process.env.SEATWISE_RATE_LIMIT_CLIENT_IP = "1/60";
    const { key } = await makeLicense();
    const from = ip();
    for (let i = 0; i < 3; i++) {
      const res = await callRoute(validate, { body: { key }, ip: from });
      expect(res.status).toBe(200);
      expect(res.headers.get("x-ratelimit-limit")).toBeNull();
    }
    delete process.env.SEATWISE_RATE_LIMITS;
    process.env.SEATWISE_RATE_LIMIT_CLIENT_IP = "off";
    process.env.SEATWISE_RATE_LIMIT_CLIENT_KEY = "0";
    for (let i = 0; i < 3; i++) expect((await callRoute(validate, { body: { key }, ip: from })).status).toBe(200);
  });
});

describe("admin token exchange (HTTP Basic)", () => {
  it("refuses after 5 failed passwords per account, even the right one, and logs one Event", async () => {
    const { email, password } = await makeStaff();
    const statuses = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await callRoute(createToken, { method: "POST", headers: { authorization: basic(email, `wrong-${i}`) }, ip: ip() })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    const blocked = await callRoute(createToken, { method: "POST", headers: { authorization: basic(email, password) }, ip: ip() });
    expect([blocked.status, blocked.json.error.code]).toEqual([429, "RATE_LIMITED"]);
    expect(blocked.headers.get("retry-after")).toBeTruthy();
    const events = await db.event.findMany({ where: { action: "security.sign_in_throttled", actorLabel: email } });
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ scope: "api-token", email, failures: 5 });
  });

  it("limits failures per IP across accounts, and clears an account's failures on success", async () => {
    process.env.SEATWISE_RATE_LIMIT_SIGN_IN_IP = "3/60";
    const a = await makeStaff();
    const from = ip();
    for (let i = 0; i < 2; i++) await callRoute(createToken, { method: "POST", headers: { authorization: basic(a.email, "x") }, ip: from });
    expect((await callRoute(createToken, { method: "POST", headers: { authorization: basic(a.email, a.password) }, ip: from })).status).toBe(201);
    expect((await callRoute(createToken, { method: "POST", headers: { authorization: basic("ghost@example.test", "x") }, ip: from })).status).toBe(401);
    const res = await callRoute(createToken, { method: "POST", headers: { authorization: basic(a.email, a.password) }, ip: from });
    expect(res.status).toBe(429);
    // The account itself is not locked for other addresses: its failures were cleared by the success.
    expect((await callRoute(createToken, { method: "POST", headers: { authorization: basic(a.email, a.password) }, ip: ip() })).status).toBe(201);
  });

  it("limits token creations per IP", async () => {
    process.env.SEATWISE_RATE_LIMIT_ADMIN_TOKEN = "2/60";
    const { email, password } = await makeStaff();
    const from = ip();
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await callRoute(createToken, { method: "POST", headers: { authorization: basic(email, password) }, ip: from })).status);
    expect(statuses).toEqual([201, 201, 429]);
  });
});

describe.skipIf(!process.env.TEST_REDIS_URL)("Redis store (REDIS_URL)", () => {
  it("counts in Redis when REDIS_URL is set", async () => {
    process.env.REDIS_URL = process.env.TEST_REDIS_URL;
    process.env.SEATWISE_RATE_LIMIT_CLIENT_IP = "2/60";
    const { key } = await makeLicense();
    const from = `198.18.${Math.floor(Math.random() * 250)}.${Math.floor(Math.random() * 250)}`;
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await callRoute(validate, { body: { key }, ip: from })).status);
    expect(statuses).toEqual([200, 200, 429]);
    expect(await db.rateLimiterFlexible.findUnique({ where: { key: `sw:client-ip:${from}` } })).toBeNull();
    const { Redis } = await import("ioredis");
    const redis = new Redis(process.env.TEST_REDIS_URL!);
    expect(Number(await redis.get(`sw:client-ip:${from}`))).toBe(3);
    await redis.quit();
    const holder = globalThis as { __seatwiseRedis?: { quit(): Promise<unknown> } };
    await holder.__seatwiseRedis?.quit();
    holder.__seatwiseRedis = undefined;
  });
});
