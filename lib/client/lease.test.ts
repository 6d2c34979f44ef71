import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { SeatwiseClient } from "./client";
import type { SeatwiseClientError } from "./errors";
import type { TFetch } from "./http";
import { refreshDelay } from "./lease";
import type { TSeatResult } from "./types";

const LEASE_S = 600;

/** A floating license with N seats, leases by time, answering like the server (fake clock via vi timers). */
function fakeFloatingServer(seats: number) {
  const leases = new Map<string, number>();
  const log: string[] = [];
  let down = false;
  const live = () => [...leases.entries()].filter(([, until]) => until > Date.now());
  const seat = (fp: string) => {
    const until = leases.get(fp)!;
    return {
      activation: { id: `a-${fp}`, fingerprint: fp, status: "ACTIVE", leaseExpiresAt: new Date(until).toISOString() },
      license: { id: "lic", model: "FLOATING", seats: { limit: seats, used: live().length } },
      refreshBefore: new Date(Date.now() + (LEASE_S / 2) * 1000).toISOString(),
    };
  };
  const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
    new Response(JSON.stringify(body), { status, headers: { "content-type": "application/json", ...headers } });
  const refuse = (code: string, status: number, extra: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
    json(status, { error: { code, message: code, ...extra } }, headers);

  const fetch: TFetch = async (url, init) => {
    const path = new URL(url).pathname;
    const { fingerprint: fp } = JSON.parse(String(init.body));
    log.push(`${path.split("/").pop()} ${fp}`);
    if (down) throw new TypeError("fetch failed");
    const holds = (leases.get(fp) ?? 0) > Date.now();
    const earliest = () => Math.ceil((Math.min(...live().map(([, u]) => u)) - Date.now()) / 1000);
    if (path.endsWith("/activations") || path.endsWith("/heartbeats")) {
      if (path.endsWith("/heartbeats") && !holds) {
        if (!leases.has(fp)) return refuse("ACTIVATION_NOT_FOUND", 404);
        if (live().length >= seats) return refuse("LEASE_EXPIRED", 409);
      }
      if (!holds && live().length >= seats) return refuse("SEAT_LIMIT_REACHED", 409, { retryAfter: earliest() }, { "retry-after": String(earliest()) });
      leases.set(fp, Date.now() + LEASE_S * 1000);
      return json(200, seat(fp));
    }
    if (path.endsWith("/deactivations")) {
      if (!leases.delete(fp)) return refuse("ACTIVATION_NOT_FOUND", 404);
      return json(200, { deactivated: true });
    }
    return refuse("NOT_FOUND", 404);
  };
  return {
    fetch,
    log,
    leases,
    setDown: (value: boolean) => void (down = value),
  };
}

function makeClient(fetch: TFetch) {
  return new SeatwiseClient({ baseUrl: "http://s.test", key: "K", fetch, retries: 0 });
}

describe("floating checkout", () => {
  beforeEach(() => void vi.useFakeTimers({ now: new Date("2026-06-01T10:00:00Z") }));
  afterEach(() => void vi.useRealTimers());

  it("refreshes per refreshBefore and releases the lease on stop()", async () => {
    const server = fakeFloatingServer(1);
    const refreshed: TSeatResult[] = [];
    const lease = await makeClient(server.fetch).checkout({ fingerprint: "a", onRefresh: (r) => refreshed.push(r) });
    expect(lease.state).toBe("active");
    await vi.advanceTimersByTimeAsync(299_000);
    expect(server.log).toEqual(["activations a"]);
    await vi.advanceTimersByTimeAsync(2_000);
    expect(server.log).toEqual(["activations a", "heartbeats a"]);
    await vi.advanceTimersByTimeAsync(300_000 * 3);
    expect(server.log.filter((l) => l.startsWith("heartbeats"))).toHaveLength(4);
    expect(refreshed).toHaveLength(5);
    expect(await lease.stop()).toEqual({ released: true });
    expect(lease.state).toBe("stopped");
    expect(server.leases.size).toBe(0);
    // Nothing runs after stop.
    await vi.advanceTimersByTimeAsync(3_600_000);
    expect(server.log.at(-1)).toBe("deactivations a");
  });

  it("stops when its AbortSignal aborts", async () => {
    const server = fakeFloatingServer(1);
    const controller = new AbortController();
    const lease = await makeClient(server.fetch).checkout({ fingerprint: "a", signal: controller.signal });
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(lease.state).toBe("stopped");
    expect(server.log).toEqual(["activations a", "deactivations a"]);
  });

  it("throws SEAT_LIMIT_REACHED with retryAfter, or waits for a seat per Retry-After when asked", async () => {
    const server = fakeFloatingServer(1);
    const client = makeClient(server.fetch);
    const first = await client.checkout({ fingerprint: "a" });
    await expect(client.checkout({ fingerprint: "b" })).rejects.toMatchObject({ code: "SEAT_LIMIT_REACHED", retryAfter: 600 });
    let second: Awaited<ReturnType<typeof client.checkout>> | null = null;
    const waiting = client.checkout({ fingerprint: "b", waitForSeat: true }).then((l) => (second = l));
    await vi.advanceTimersByTimeAsync(1000);
    expect(second).toBeNull();
    await first.stop({ release: false }); // crashed app: the lease is not released and must run out
    await vi.advanceTimersByTimeAsync(600_000);
    await waiting;
    expect(second!.state).toBe("active");
    await second!.stop();
  });

  it("re-leases after LEASE_EXPIRED when a seat is free, and reports a lost seat when none is", async () => {
    const server = fakeFloatingServer(1);
    const client = makeClient(server.fetch);
    const lost: SeatwiseClientError[] = [];
    const errors: SeatwiseClientError[] = [];
    const lease = await client.checkout({ fingerprint: "a", retryDelayMs: 60_000, onLost: (e) => lost.push(e), onError: (e) => errors.push(e) });
    server.setDown(true); // the machine loses the network past its lease end
    await vi.advanceTimersByTimeAsync(700_000);
    expect(errors.length).toBeGreaterThan(0);
    expect(lost).toHaveLength(1); // the lease ended while offline: the app is told once
    expect(lease.state).toBe("waiting");
    // Meanwhile another machine took the only seat.
    server.setDown(false);
    await client.activate({ fingerprint: "b" });
    await vi.advanceTimersByTimeAsync(60_000);
    expect(lease.state).toBe("waiting");
    expect(server.log.at(-1)).toBe("activations a");
    // When b's lease runs out, a gets the seat back by itself.
    server.leases.delete("b");
    await vi.advanceTimersByTimeAsync(600_000);
    expect(lease.state).toBe("active");
    await lease.stop();
  });

  it("ends the loop on a license-level refusal", async () => {
    let suspended = false;
    const server = fakeFloatingServer(1);
    const fetch: TFetch = async (url, init) =>
      suspended ? new Response(JSON.stringify({ error: { code: "LICENSE_SUSPENDED", message: "x" } }), { status: 403 }) : server.fetch(url, init);
    const lost: SeatwiseClientError[] = [];
    const lease = await makeClient(fetch).checkout({ fingerprint: "a", onLost: (e) => lost.push(e) });
    suspended = true;
    await vi.advanceTimersByTimeAsync(400_000);
    expect(lease.state).toBe("lost");
    expect(lost.map((e) => (e as { code?: string }).code)).toEqual(["LICENSE_SUSPENDED"]);
  });
});

describe("refreshDelay", () => {
  const at = (s: number) => new Date(Date.parse("2026-01-01T00:00:00Z") + s * 1000).toISOString();
  const now = Date.parse("2026-01-01T00:00:00Z");
  const result = (leaseEnd: number | null, refreshBefore?: number) =>
    ({ activation: { leaseExpiresAt: leaseEnd === null ? null : at(leaseEnd) }, refreshBefore: refreshBefore === undefined ? undefined : at(refreshBefore) }) as TSeatResult;

  it("follows refreshBefore, else half the lease but 30 s before its end, else the fallback", () => {
    expect(refreshDelay(result(600, 200), now, 1)).toBe(200_000);
    expect(refreshDelay(result(600), now, 1)).toBe(300_000);
    expect(refreshDelay(result(50), now, 1)).toBe(20_000);
    expect(refreshDelay(result(null), now, 99_000)).toBe(99_000);
    expect(refreshDelay(result(600, -5), now, 1)).toBe(1000);
  });
});
