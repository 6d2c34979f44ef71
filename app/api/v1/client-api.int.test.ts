import { describe, expect, it } from "vitest";
import { PATCH as patchLicense } from "@/app/api/v1/admin/licenses/[id]/route";
import { db } from "@/lib/db";
import { callRoute } from "@/lib/test/http";
import { makeAdminToken, makeLicense } from "@/lib/test/factories";
import { POST as activate } from "./activations/route";
import { POST as deactivate } from "./deactivations/route";
import { POST as heartbeat } from "./heartbeats/route";
import { POST as validate } from "./validate/route";

describe("POST /api/v1/activations", () => {
  it("creates a seat (201), then answers the same seat for the same fingerprint (200)", async () => {
    const { key, license } = await makeLicense({ license: { seats: 3 } });
    const first = await callRoute(activate, {
      body: { key, fingerprint: "fp-1", friendlyName: "Alice's laptop", hostname: "alice-pc", platform: "win32", appVersion: "1.2.3" },
    });
    expect(first.status).toBe(201);
    expect(first.json.activation).toMatchObject({ fingerprint: "fp-1", friendlyName: "Alice's laptop", status: "ACTIVE" });
    expect(first.json.license).toMatchObject({ id: license.id, status: "ACTIVE", seats: { limit: 3, used: 1 } });
    expect(first.json.license.key).toBeUndefined();

    const again = await callRoute(activate, { body: { key, fingerprint: "fp-1" } });
    expect(again.status).toBe(200);
    expect(again.json.activation.id).toBe(first.json.activation.id);
    expect(again.json.activation.friendlyName).toBe("Alice's laptop");
    expect(await db.activation.count({ where: { licenseId: license.id } })).toBe(1);
  });

  it("accepts the key in any case and with spaces instead of dashes", async () => {
    const { key } = await makeLicense();
    const res = await callRoute(activate, { body: { key: key.toLowerCase().replace(/-/g, " "), fingerprint: "fp" } });
    expect(res.status).toBe(201);
  });

  it("refuses past the seat limit with 409 SEAT_LIMIT_REACHED and logs the refusal", async () => {
    const { key, license } = await makeLicense({ license: { seats: 1 } });
    expect((await callRoute(activate, { body: { key, fingerprint: "a" } })).status).toBe(201);
    const res = await callRoute(activate, { body: { key, fingerprint: "b" } });
    expect(res.status).toBe(409);
    expect(res.json.error).toMatchObject({ code: "SEAT_LIMIT_REACHED" });
    const refused = await db.event.findFirst({ where: { licenseId: license.id, action: "activation.refused" } });
    expect(refused?.data).toMatchObject({ code: "SEAT_LIMIT_REACHED", fingerprint: "b" });
  });

  it("answers 404 LICENSE_NOT_FOUND, 403 LICENSE_SUSPENDED and 403 LICENSE_EXPIRED", async () => {
    expect((await callRoute(activate, { body: { key: "AAAAA-AAAAA-AAAAA-AAAAA-AAAAA-AAAAA", fingerprint: "x" } })).json.error.code).toBe(
      "LICENSE_NOT_FOUND",
    );
    const suspended = await makeLicense();
    await db.license.update({ where: { id: suspended.license.id }, data: { status: "SUSPENDED" } });
    const s = await callRoute(activate, { body: { key: suspended.key, fingerprint: "x" } });
    expect([s.status, s.json.error.code]).toEqual([403, "LICENSE_SUSPENDED"]);
    const expired = await makeLicense({ license: { expiresAt: new Date(Date.now() - 1000) } });
    const e = await callRoute(activate, { body: { key: expired.key, fingerprint: "x" } });
    expect([e.status, e.json.error.code]).toEqual([403, "LICENSE_EXPIRED"]);
  });

  it("writes an event with actor, action, license, activation and ip", async () => {
    const { key, license } = await makeLicense();
    const res = await callRoute(activate, { body: { key, fingerprint: "fp-ev" }, ip: "198.51.100.7" });
    const event = await db.event.findFirstOrThrow({ where: { licenseId: license.id, action: "activation.created" } });
    expect(event).toMatchObject({ actorType: "LICENSE_KEY", activationId: res.json.activation.id, ip: "198.51.100.7" });
  });
});

describe("POST /api/v1/validate", () => {
  it("answers VALID, NOT_ACTIVATED, NOT_FOUND, SUSPENDED and EXPIRED with 200", async () => {
    const { key, license } = await makeLicense();
    await callRoute(activate, { body: { key, fingerprint: "fp" } });
    const valid = await callRoute(validate, { body: { key, fingerprint: "fp", nonce: "n-1" } });
    expect(valid.status).toBe(200);
    expect(valid.json).toMatchObject({ valid: true, code: "VALID", nonce: "n-1", activation: { fingerprint: "fp" }, license: { seats: { used: 1 } } });
    expect((await callRoute(validate, { body: { key } })).json.code).toBe("VALID");
    expect((await callRoute(validate, { body: { key, fingerprint: "other" } })).json).toMatchObject({ valid: false, code: "NOT_ACTIVATED" });
    expect((await callRoute(validate, { body: { key: "nope" } })).json).toMatchObject({ valid: false, code: "NOT_FOUND" });
    await db.license.update({ where: { id: license.id }, data: { status: "SUSPENDED" } });
    expect((await callRoute(validate, { body: { key, fingerprint: "fp" } })).json.code).toBe("SUSPENDED");
    await db.license.update({ where: { id: license.id }, data: { status: "ACTIVE", expiresAt: new Date(Date.now() - 1) } });
    expect((await callRoute(validate, { body: { key, fingerprint: "fp" } })).json).toMatchObject({ valid: false, code: "EXPIRED" });
  });
});

describe("POST /api/v1/heartbeats", () => {
  it("records lastSeenAt, app version and platform", async () => {
    const { key } = await makeLicense();
    const created = await callRoute(activate, { body: { key, fingerprint: "fp", appVersion: "1.0" } });
    const res = await callRoute(heartbeat, { body: { key, fingerprint: "fp", appVersion: "1.1", platform: "darwin" } });
    expect(res.status).toBe(200);
    expect(res.json.activation).toMatchObject({ appVersion: "1.1", platform: "darwin" });
    expect(new Date(res.json.activation.lastSeenAt) >= new Date(created.json.activation.lastSeenAt)).toBe(true);
  });

  it("answers 404 ACTIVATION_NOT_FOUND for a device without a seat and 404 LICENSE_NOT_FOUND for an unknown key", async () => {
    const { key } = await makeLicense();
    expect((await callRoute(heartbeat, { body: { key, fingerprint: "nobody" } })).json.error.code).toBe("ACTIVATION_NOT_FOUND");
    expect((await callRoute(heartbeat, { body: { key: "x", fingerprint: "nobody" } })).json.error.code).toBe("LICENSE_NOT_FOUND");
  });

  it("answers 403 for a suspended license", async () => {
    const { key, license } = await makeLicense();
    await callRoute(activate, { body: { key, fingerprint: "fp" } });
    await db.license.update({ where: { id: license.id }, data: { status: "SUSPENDED" } });
    const res = await callRoute(heartbeat, { body: { key, fingerprint: "fp" } });
    expect([res.status, res.json.error.code]).toEqual([403, "LICENSE_SUSPENDED"]);
  });
});

describe("POST /api/v1/deactivations", () => {
  it("frees the seat so another device can take it, and logs it", async () => {
    const { key, license } = await makeLicense({ license: { seats: 1 } });
    await callRoute(activate, { body: { key, fingerprint: "old" } });
    const res = await callRoute(deactivate, { body: { key, fingerprint: "old" } });
    expect(res.status).toBe(200);
    expect(res.json.activation.status).toBe("DEACTIVATED");
    expect(res.json.license.seats.used).toBe(0);
    expect((await callRoute(activate, { body: { key, fingerprint: "new" } })).status).toBe(201);
    expect(await db.event.count({ where: { licenseId: license.id, action: "activation.deactivated" } })).toBe(1);
  });

  it("answers 404 ACTIVATION_NOT_FOUND the second time", async () => {
    const { key } = await makeLicense();
    await callRoute(activate, { body: { key, fingerprint: "fp" } });
    await callRoute(deactivate, { body: { key, fingerprint: "fp" } });
    const res = await callRoute(deactivate, { body: { key, fingerprint: "fp" } });
    expect([res.status, res.json.error.code]).toEqual([404, "ACTIVATION_NOT_FOUND"]);
  });

  it("still works on a suspended license, so seats can always be freed", async () => {
    const { key, license } = await makeLicense();
    await callRoute(activate, { body: { key, fingerprint: "fp" } });
    await db.license.update({ where: { id: license.id }, data: { status: "SUSPENDED" } });
    expect((await callRoute(deactivate, { body: { key, fingerprint: "fp" } })).status).toBe(200);
  });
});

describe("seat count changes", () => {
  it("a downgrade below the seats in use blocks new activations until usage drops", async () => {
    const { key, license } = await makeLicense({ license: { seats: 3 } });
    for (const fp of ["a", "b", "c"]) await callRoute(activate, { body: { key, fingerprint: fp } });
    const { authorization } = await makeAdminToken();
    await callRoute(patchLicense, { method: "PATCH", body: { seats: 1 }, params: { id: license.id }, headers: { authorization } });
    expect((await callRoute(activate, { body: { key, fingerprint: "d" } })).json.error.code).toBe("SEAT_LIMIT_REACHED");
    expect((await callRoute(validate, { body: { key, fingerprint: "a" } })).json.code).toBe("VALID");
    for (const fp of ["a", "b", "c"]) await callRoute(deactivate, { body: { key, fingerprint: fp } });
    expect((await callRoute(activate, { body: { key, fingerprint: "d" } })).status).toBe(201);
  });
});

describe("bad input", () => {
  const routes = { activate, validate, heartbeat, deactivate };
  const cases: [string, { rawBody?: string; body?: unknown }][] = [
    ["malformed JSON", { rawBody: "{not json" }],
    ["empty body", { rawBody: "" }],
    ["a JSON array", { body: [1, 2] }],
    ["a JSON string", { body: "key" }],
    ["null", { rawBody: "null" }],
    ["wrong types", { body: { key: 42, fingerprint: { a: 1 } } }],
    ["missing fields", { body: {} }],
    ["strings over 256 characters", { body: { key: "K".repeat(257), fingerprint: "f".repeat(257) } }],
    ["a body over 16 KB", { body: { key: "k", fingerprint: "f", friendlyName: "x".repeat(17 * 1024) } }],
    ["prototype pollution keys", { rawBody: '{"__proto__":{"admin":true},"constructor":{"prototype":{}},"key":1}' }],
  ];
  for (const [name, route] of Object.entries(routes)) {
    for (const [label, input] of cases) {
      it(`${name}: ${label} → 400 INVALID_REQUEST`, async () => {
        const res = await callRoute(route, { method: "POST", ...input });
        expect(res.status).toBe(400);
        expect(res.json.error.code).toBe("INVALID_REQUEST");
        expect(typeof res.json.error.message).toBe("string");
        expect(res.text).not.toMatch(/at \w+ \(|node_modules/);
      });
    }
  }
  it("a fingerprint of 256 characters is accepted", async () => {
    const { key } = await makeLicense();
    expect((await callRoute(activate, { body: { key, fingerprint: "f".repeat(256) } })).status).toBe(201);
  });
});
