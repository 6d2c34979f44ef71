import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { POST as deactivate } from "@/app/api/v1/deactivations/route";
import { POST as issueFile } from "@/app/api/v1/license-files/route";
import { POST as validate } from "@/app/api/v1/validate/route";
import { db } from "../db";
import { resetInMemoryBlocks } from "../rate-limit/limiter-store";
import { makeLicense } from "../test/factories";
import { callRoute } from "../test/http";
import { lookUpSeat, lookUpSeatAhead } from "./look-up-seat";

const saved = { ...process.env };
let n = 0;
const ip = () => `198.51.100.${++n}`;

beforeEach(() => resetInMemoryBlocks());
afterEach(() => {
  process.env = { ...saved };
});

describe("lookUpSeat", () => {
  it("uses the lookup started ahead only for the same key and device, and only when the caller did not fix the time", async () => {
    const { license, key } = await makeLicense();
    await db.activation.create({ data: { licenseId: license.id, fingerprint: "dev-1" } });
    const ahead = lookUpSeatAhead({ key, fingerprint: "dev-1" })!;
    expect(lookUpSeat({ key, fingerprint: "dev-1" }, undefined, ahead).found).toBe(ahead.found);
    expect(lookUpSeat({ key, fingerprint: "dev-1" }, undefined, ahead).now).toBe(ahead.now);
    expect(lookUpSeat({ key, fingerprint: "dev-2" }, undefined, ahead).found).not.toBe(ahead.found);
    const fixed = new Date(Date.now() - 60_000);
    const atFixed = lookUpSeat({ key, fingerprint: "dev-1" }, fixed, ahead);
    expect([atFixed.found === ahead.found, atFixed.now]).toEqual([false, fixed]);
    const found = await ahead.found;
    expect([found?.license.id, found?.activation?.fingerprint, found?.used]).toEqual([license.id, "dev-1", 1]);
  });

  it("starts nothing for a body that names no key", () => {
    expect(lookUpSeatAhead({ fingerprint: "dev-1" })).toBeUndefined();
    expect(lookUpSeatAhead("not an object")).toBeUndefined();
  });
});

describe("reading ahead of the rate limit", () => {
  it("answers as before on every route that reads ahead", async () => {
    const { license, key } = await makeLicense();
    await db.activation.create({ data: { licenseId: license.id, fingerprint: "dev-1" } });
    const valid = await callRoute(validate, { body: { key, fingerprint: "dev-1" }, ip: ip() });
    expect([valid.status, valid.json.code, valid.json.license.seats.used]).toEqual([200, "VALID", 1]);
    const file = await callRoute(issueFile, { body: { key, fingerprint: "dev-1" }, ip: ip() });
    expect([file.status, typeof file.json.licenseFile]).toEqual([200, "string"]);
    const freed = await callRoute(deactivate, { body: { key, fingerprint: "dev-1" }, ip: ip() });
    expect(freed.status).toBe(200);
    const again = await callRoute(validate, { body: { key, fingerprint: "dev-1" }, ip: ip() });
    expect(again.json.code).not.toBe("VALID");
  });

  it("never runs the handler of a refused request: a refused deactivation leaves the seat and logs nothing", async () => {
    process.env.SEATWISE_RATE_LIMIT_CLIENT_IP = "1/60";
    const { license, key } = await makeLicense();
    const seat = await db.activation.create({ data: { licenseId: license.id, fingerprint: "dev-1" } });
    const from = ip();
    expect((await callRoute(validate, { body: { key, fingerprint: "dev-1" }, ip: from })).status).toBe(200);
    const refused = await callRoute(deactivate, { body: { key, fingerprint: "dev-1" }, ip: from });
    expect([refused.status, refused.json.error.code]).toEqual([429, "RATE_LIMITED"]);
    const file = await callRoute(issueFile, { body: { key, fingerprint: "dev-1" }, ip: from });
    expect([file.status, file.json.error.code]).toEqual([429, "RATE_LIMITED"]);
    expect((await db.activation.findUniqueOrThrow({ where: { id: seat.id } })).deactivatedAt).toBeNull();
    const events = await db.event.findMany({ where: { licenseId: license.id, action: { in: ["activation.deactivated", "license_file.issued"] } } });
    expect(events).toEqual([]);
  });

  it("starts no read for an address or key this instance already refuses from memory", async () => {
    process.env.SEATWISE_RATE_LIMIT_LOOKUP_FAILURES = "1/600";
    process.env.SEATWISE_RATE_LIMIT_CLIENT_KEY = "2/60";
    let reads = 0;
    const route = apiRoute(
      { auth: "none", rateLimit: "client", body: z.object({ key: z.string() }), readAhead: () => void reads++ },
      async () => ({ ok: true }),
    );
    const { key } = await makeLicense();
    const guesser = ip();
    for (let i = 0; i < 2; i++) await callRoute(validate, { body: { key: `AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAA${i}` }, ip: guesser });
    expect((await callRoute(route, { body: { key }, ip: guesser })).status).toBe(429);
    expect(reads).toBe(0);
    // A key over its limit: the refusal that blocks it still read ahead, the ones after don't.
    const answers = [];
    for (let i = 0; i < 5; i++) answers.push((await callRoute(route, { body: { key }, ip: ip() })).status);
    expect(answers).toEqual([200, 200, 429, 429, 429]);
    expect(reads).toBe(3);
  });
});
