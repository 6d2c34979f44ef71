import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { SeatwiseClient } from "../client/client";
import { makeTestKey } from "../client/test-signer";
import { makeAdminToken, makeLicense } from "../test/factories";
import { startRouteServer, type TRouteServer } from "../test/route-server";
import { isClientPath } from "./allowlist";
import { createRelay } from "./relay";

const key = makeTestKey();
let upstream: TRouteServer;
let relayUrl: string;
let relay: ReturnType<typeof createRelay>;
const lines: string[] = [];

beforeAll(async () => {
  upstream = await startRouteServer({ sign: key });
  relay = createRelay({ upstream: upstream.url, log: (line) => lines.push(line) });
  await new Promise<void>((resolve) => relay.listen(0, "127.0.0.1", resolve));
  relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;
});

afterAll(async () => {
  await new Promise((resolve) => relay.close(resolve));
  await upstream.close();
});

describe("on-prem relay", () => {
  it("passes every client call through with verifiable signatures and X-Forwarded-For", async () => {
    const { key: licenseKey } = await makeLicense({ license: { seats: 2 } });
    const client = new SeatwiseClient({ baseUrl: relayUrl, key: licenseKey, publicKeys: [{ keyId: key.keyId, publicKey: key.publicKey }], retries: 0, timeoutMs: 60_000 });
    const activated = await client.activate({ fingerprint: "relay-fp", friendlyName: "Behind the relay" });
    expect(activated.activation).toMatchObject({ fingerprint: "relay-fp", status: "ACTIVE" });
    expect(await client.validate({ fingerprint: "relay-fp" })).toMatchObject({ valid: true, code: "VALID" });
    expect((await client.heartbeat({ fingerprint: "relay-fp" })).activation.id).toBe(activated.activation.id);
    await client.deactivate({ fingerprint: "relay-fp" });
    // Refusals come through as typed errors.
    await expect(client.heartbeat({ fingerprint: "relay-fp" })).rejects.toMatchObject({ code: "ACTIVATION_NOT_FOUND", status: 404 });
    const seen = upstream.requests.filter((r) => r.path === "/api/v1/activations").at(-1)!;
    expect(seen.forwardedFor).toBe("127.0.0.1");
    expect(lines.some((l) => / POST \/api\/v1\/activations 201 [\d.]+ms$/.test(l))).toBe(true);
  });

  it("keeps the body and the signature headers byte for byte", async () => {
    const direct = await fetch(`${upstream.url}/api/v1/validate`, { method: "POST", body: JSON.stringify({ key: "nope", nonce: "n" }) });
    const relayed = await fetch(`${relayUrl}/api/v1/validate`, { method: "POST", body: JSON.stringify({ key: "nope", nonce: "n" }) });
    expect(relayed.status).toBe(200);
    expect(await relayed.text()).toBe(await direct.text());
    expect(relayed.headers.get("seatwise-signature")).toMatch(/^keyId="/);
    expect(relayed.headers.get("content-type")).toBe(direct.headers.get("content-type"));
  });

  it("refuses admin, console and portal paths with 403 FORBIDDEN, even with a valid admin token", async () => {
    const { token } = await makeAdminToken();
    const before = upstream.requests.length;
    for (const path of [
      "/api/v1/admin/licenses",
      "/api/v1/admin/tokens",
      "/console",
      "/login",
      "/api/auth/session",
      "/api/v1/me/../admin/licenses",
      "/api/v1/me/%2e%2e/admin/licenses",
      "/api/v1//admin/licenses",
      "/api/v1/activations/../admin/licenses",
    ]) {
      const res = await fetch(`${relayUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
      expect(res.status, path).toBe(403);
      expect(await res.json()).toEqual({ error: { code: "FORBIDDEN", message: expect.any(String) } });
    }
    expect(upstream.requests.length).toBe(before);
    const admin = new SeatwiseClient({ baseUrl: relayUrl, key: "x", retries: 0, timeoutMs: 60_000 });
    await expect(admin.publicKey()).resolves.toMatchObject({ algorithm: "ed25519" }); // a client route: forwarded, not refused
    expect(lines.some((l) => / GET \/api\/v1\/admin\/licenses 403 /.test(l))).toBe(true);
  });

  it("answers 502 UPSTREAM_UNAVAILABLE when the vendor's server is down", async () => {
    const dead = createRelay({ upstream: "http://127.0.0.1:9", log: () => {} });
    await new Promise<void>((resolve) => dead.listen(0, "127.0.0.1", resolve));
    const res = await fetch(`http://127.0.0.1:${(dead.address() as AddressInfo).port}/api/v1/validate`, { method: "POST", body: "{}" });
    expect(res.status).toBe(502);
    expect((await res.json()).error.code).toBe("UPSTREAM_UNAVAILABLE");
    await new Promise((resolve) => dead.close(resolve));
  });
});

describe("relay allowlist", () => {
  it("allows the client API and nothing else", () => {
    for (const ok of ["/api/v1/activations", "/api/v1/validate?x=1", "/api/v1/heartbeats", "/api/v1/deactivations", "/api/v1/license-files", "/api/v1/public-key", "/api/v1/auth/token", "/api/v1/me/licenses", "/api/v1/me/activations/abc"]) {
      expect(isClientPath(ok), ok).toBe(true);
    }
    for (const no of ["/", "/api/v1/admin/licenses", "/api/v1/me", "/api/v1/me/", "/api/v1/activationsX", "/portal", "/api/v1/me/..%2fadmin", "/api/v1/me/x\\..\\admin", "api/v1/validate"]) {
      expect(isClientPath(no), no).toBe(false);
    }
  });
});
