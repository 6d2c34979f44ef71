import { describe, expect, it } from "vitest";
import { ERROR_STATUS } from "@/lib/api/errors";
import { SeatwiseClient } from "./client";
import { NetworkError, SERVER_ERROR_CODES, SeatwiseError, SignatureError, TimeoutError } from "./errors";
import { parseRetryAfter, Transport, type TFetch } from "./http";
import { makeTestKey, signatureHeader } from "./test-signer";

type TScripted = { status: number; body?: unknown; headers?: Record<string, string> } | Error;

/** A fetch that answers from a script and records what was asked. */
function scriptedFetch(script: TScripted[]) {
  const calls: { url: string; init: RequestInit }[] = [];
  const fetch: TFetch = async (url, init) => {
    calls.push({ url, init });
    const next = script.shift();
    if (!next) throw new Error("script exhausted");
    if (next instanceof Error) throw next;
    return new Response(next.body === undefined ? null : JSON.stringify(next.body), { status: next.status, headers: next.headers });
  };
  return { fetch, calls };
}

function transport(fetch: TFetch, delays: number[], extra = {}) {
  return new Transport({ baseUrl: "http://seatwise.test/", fetch, sleep: async (ms) => void delays.push(ms), random: () => 1, ...extra });
}

const refused = (code: string, status: number, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) => ({
  status,
  body: { error: { code, message: `${code} happened`, ...extra } },
  headers,
});

describe("Transport retries", () => {
  it("retries 5xx and network errors with exponential backoff, then succeeds", async () => {
    const { fetch, calls } = scriptedFetch([refused("INTERNAL_ERROR", 500), new TypeError("fetch failed"), { status: 502, body: "bad gateway" }, { status: 200, body: { ok: 1 } }]);
    const delays: number[] = [];
    const response = await transport(fetch, delays).send({ method: "POST", path: "/api/v1/validate", body: { key: "k" } });
    expect(response.json).toEqual({ ok: 1 });
    expect(calls).toHaveLength(4);
    expect(calls[0]!.url).toBe("http://seatwise.test/api/v1/validate");
    expect(delays).toEqual([500, 1000, 2000]);
  });

  it("applies full jitter and caps one delay", async () => {
    const { fetch } = scriptedFetch(Array.from({ length: 6 }, () => refused("INTERNAL_ERROR", 503)));
    const delays: number[] = [];
    const t = transport(fetch, delays, { random: () => 0.5, retries: 5, maxDelayMs: 3000 });
    await expect(t.send({ method: "GET", path: "/x" })).rejects.toBeInstanceOf(SeatwiseError);
    expect(delays).toEqual([250, 500, 1000, 1500, 1500]);
  });

  it("honours Retry-After on 429", async () => {
    const { fetch } = scriptedFetch([refused("RATE_LIMITED", 429, {}, { "retry-after": "7" }), { status: 200, body: {} }]);
    const delays: number[] = [];
    await transport(fetch, delays).send({ method: "GET", path: "/x" });
    expect(delays).toEqual([7000]);
  });

  it("throws instead of waiting for a Retry-After longer than maxRetryAfterMs", async () => {
    const { fetch, calls } = scriptedFetch([refused("RATE_LIMITED", 429, {}, { "retry-after": "3600" })]);
    const error = await transport(fetch, []).send({ method: "GET", path: "/x" }).catch((e) => e);
    expect(error).toBeInstanceOf(SeatwiseError);
    expect(error).toMatchObject({ code: "RATE_LIMITED", status: 429, retryAfter: 3600 });
    expect(calls).toHaveLength(1);
  });

  it("never retries 4xx refusals, and types them with the server's code and details", async () => {
    const { fetch, calls } = scriptedFetch([refused("SEAT_LIMIT_REACHED", 409, { retryAfter: 42, seats: { limit: 2, used: 2 } }, { "retry-after": "42" })]);
    const delays: number[] = [];
    const error = await transport(fetch, delays).send({ method: "POST", path: "/api/v1/activations", body: {} }).catch((e) => e);
    expect(error).toBeInstanceOf(SeatwiseError);
    expect(error).toMatchObject({ code: "SEAT_LIMIT_REACHED", status: 409, retryAfter: 42, message: "SEAT_LIMIT_REACHED happened" });
    expect(error.details.seats).toEqual({ limit: 2, used: 2 });
    expect(calls).toHaveLength(1);
    expect(delays).toEqual([]);
  });

  it("reads retryAfter from the body when the header is missing", async () => {
    const { fetch } = scriptedFetch([refused("SEAT_LIMIT_REACHED", 409, { retryAfter: 12 })]);
    expect(await transport(fetch, []).send({ method: "POST", path: "/a", body: {} }).catch((e) => e.retryAfter)).toBe(12);
  });

  it("gives up with NetworkError after the retries", async () => {
    const { fetch, calls } = scriptedFetch(Array.from({ length: 4 }, () => new TypeError("fetch failed", { cause: { code: "ECONNREFUSED" } })));
    const error = await transport(fetch, []).send({ method: "GET", path: "/x" }).catch((e) => e);
    expect(error).toBeInstanceOf(NetworkError);
    expect(error.message).toContain("ECONNREFUSED");
    expect(calls).toHaveLength(4);
  });

  it("times out a hanging request with TimeoutError", async () => {
    const hanging: TFetch = (_url, init) =>
      new Promise((_, reject) => init.signal!.addEventListener("abort", () => reject(new DOMException("aborted", "AbortError"))));
    const error = await transport(hanging, [], { timeoutMs: 20, retries: 1 }).send({ method: "GET", path: "/x" }).catch((e) => e);
    expect(error).toBeInstanceOf(TimeoutError);
  });

  it("maps a non-JSON answer to a typed error", async () => {
    const { fetch } = scriptedFetch([{ status: 404, body: undefined }]);
    expect(await transport(fetch, []).send({ method: "GET", path: "/x" }).catch((e) => [e.constructor.name, e.code])).toEqual(["SeatwiseError", "UNEXPECTED_RESPONSE"]);
  });

  it("parses Retry-After as seconds or an HTTP date", () => {
    expect(parseRetryAfter("30")).toBe(30);
    expect(parseRetryAfter(new Date(Date.now() + 10_000).toUTCString())).toBeGreaterThanOrEqual(9);
    expect(parseRetryAfter("soon")).toBeNull();
    expect(parseRetryAfter(null)).toBeNull();
  });
});

describe("error codes", () => {
  it("knows exactly the server's error codes", () => {
    expect([...SERVER_ERROR_CODES].sort()).toEqual(Object.keys(ERROR_STATUS).sort());
  });
});

describe("SeatwiseClient", () => {
  it("sends the key, device info and a nonce, and checks the echoed nonce", async () => {
    const { fetch, calls } = scriptedFetch([{ status: 200, body: { valid: true, code: "VALID", nonce: "wrong" } }]);
    const client = new SeatwiseClient({ baseUrl: "http://s.test", key: "KEY-1", fetch, sleep: async () => {} });
    await expect(client.validate({ fingerprint: "fp" })).rejects.toBeInstanceOf(SignatureError);
    const sent = JSON.parse(String(calls[0]!.init.body));
    expect(sent).toMatchObject({ key: "KEY-1", fingerprint: "fp" });
    expect(sent.nonce).toMatch(/^[0-9a-f-]{36}$/);
  });

  it("switches to a bearer token and licenseId after signIn", async () => {
    const { fetch, calls } = scriptedFetch([
      { status: 200, body: { token: "sw_user_abc", expiresAt: "2030-01-01T00:00:00Z", user: { id: "u", email: "a@b.c" }, organization: null } },
      { status: 200, body: { activation: { id: "a" }, license: { id: "lic" } } },
    ]);
    const client = new SeatwiseClient({ baseUrl: "http://s.test", key: "KEY-1", fetch, sleep: async () => {}, device: { friendlyName: "Laptop" } });
    await client.signIn("a@b.c", "pw");
    await expect(client.activate({ fingerprint: "fp" })).rejects.toThrow(/licenseId/);
    client.licenseId = "lic";
    await client.activate({ fingerprint: "fp" });
    expect(JSON.parse(String(calls[0]!.init.body))).toEqual({ email: "a@b.c", password: "pw" });
    expect(new Headers(calls[1]!.init.headers).get("authorization")).toBe("Bearer sw_user_abc");
    expect(JSON.parse(String(calls[1]!.init.body))).toEqual({ licenseId: "lic", fingerprint: "fp", friendlyName: "Laptop" });
  });

  it("verifies signed answers when public keys are configured", async () => {
    const key = makeTestKey();
    const date = new Date().toUTCString();
    const body = JSON.stringify({ valid: true, code: "VALID" });
    const good = new Response(body, { status: 200, headers: { date, "seatwise-signature": signatureHeader(date, body, key) } });
    const tampered = new Response(body.replace("true", "false"), { status: 200, headers: { date, "seatwise-signature": signatureHeader(date, body, key) } });
    const unsigned = new Response(body, { status: 200, headers: { date } });
    const answers = [good, tampered, unsigned];
    const client = new SeatwiseClient({
      baseUrl: "http://s.test",
      key: "K",
      publicKeys: [{ keyId: key.keyId, publicKey: key.publicKey }],
      fetch: async () => answers.shift()!,
    });
    await expect(client.validate({ nonce: "n" })).resolves.toMatchObject({ code: "VALID" });
    await expect(client.validate({ nonce: "n" })).rejects.toMatchObject({ code: "INVALID" });
    await expect(client.validate({ nonce: "n" })).rejects.toMatchObject({ code: "MISSING" });
  });
});
