import { mkdtempSync, readFileSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { measureAtRates, rateRows } from "./fixed-rate";

// A real server that answers at once: flat out, it would get thousands of requests a second here.
let arrivals: { at: number; path: string; body: string }[] = [];
let url = "";
const server = http.createServer((req, res) => {
  let body = "";
  req.on("data", (c) => (body += c));
  req.on("end", () => {
    arrivals.push({ at: performance.now(), path: req.url!, body });
    if (req.url === "/slow") return void setTimeout(() => res.end("late"), 200);
    res.statusCode = req.url === "/refuse" ? 409 : 200;
    res.end(req.url === "/refuse" ? "taken" : "ok");
  });
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
beforeEach(() => {
  arrivals = [];
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("measureAtRates", () => {
  it("sends each scenario at each asked rate, spread over the second rather than in one burst", async () => {
    const fast = { name: "fast", requests: [{ method: "GET" as const, path: "/" }] };
    const results = await measureAtRates(url, [fast], [40, 80], { duration: 1, log: () => {} });

    expect(results.map((r) => [r.name, r.rate])).toEqual([["fast", 40], ["fast", 80]]);
    expect(arrivals.length).toBe(40 + 80);
    // A per-second budget spent back to back would put all 80 of the second run in a few milliseconds;
    // on schedule they span ~990 ms (the bound leaves room for a loaded machine's late timers).
    const second = arrivals.slice(40).map((a) => a.at);
    expect(Math.max(...second) - Math.min(...second)).toBeGreaterThan(500);
    expect(results.every((r) => r.errors === 0 && r.p999 >= r.p99 && r.p99 >= r.p50)).toBe(true);
    expect(rateRows(results).split("\n")[2]).toMatch(/^\| fast \| 40 \| \d+ \| \d+ \| \d+ \| \d+ \| 0 \|$/);
  }, 30_000);

  it("runs a pair's requests in order with one context, counts the asked rate in requests, and reports refusals", async () => {
    let n = 0;
    const pair = {
      name: "pair",
      requests: [
        { method: "POST" as const, path: "/take", body: (ctx: Record<string, unknown>) => ({ id: (ctx.id = ++n) }) },
        { method: "POST" as const, path: "/refuse", body: (ctx: Record<string, unknown>) => ({ id: ctx.id }) },
      ],
    };
    const [result] = await measureAtRates(url, [pair], [40], { duration: 1, log: () => {} });

    expect(arrivals.length).toBe(40);
    const takes = arrivals.filter((a) => a.path === "/take").map((a) => a.body);
    const gives = arrivals.filter((a) => a.path === "/refuse").map((a) => a.body);
    expect(gives.sort()).toEqual(takes.sort());
    expect(result!.errors).toBe(20);
    expect(result!.refusals[0]).toBe("409 taken");
  }, 30_000);

  it("logs the requests over the threshold with when they were due, and no others", async () => {
    const slowLog = path.join(mkdtempSync(path.join(os.tmpdir(), "fixed-rate-")), "slow.log");
    const pair = { name: "pair", requests: [{ method: "GET" as const, path: "/" }, { method: "GET" as const, path: "/slow" }] };
    const before = Date.now();
    await measureAtRates(url, [pair], [20], { duration: 1, log: () => {}, slow: { path: slowLog, overMs: 100 } });

    const lines = readFileSync(slowLog, "utf8").trim().split("\n");
    expect(lines).toHaveLength(10);
    for (const line of lines) {
      const [due, rest] = [line.slice(0, 24), line.slice(25)];
      expect(Date.parse(due)).toBeGreaterThanOrEqual(before - 50);
      expect(Date.parse(due)).toBeLessThan(Date.now());
      expect(rest).toMatch(/^pair \| GET \/slow \| \d+ ms \| 200$/);
      expect(Number(rest.split(" | ")[2]!.replace(" ms", ""))).toBeGreaterThanOrEqual(195);
    }
  }, 30_000);
});
