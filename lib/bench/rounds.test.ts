import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { measureInRounds, median } from "./rounds";

// A real server: /fast answers at once, /slow after burning ~2 ms of CPU, so it is measurably slower.
const hits: string[] = [];
let url = "";
const server = http.createServer((req, res) => {
  if (hits.at(-1) !== req.url) hits.push(req.url!);
  if (req.url === "/slow") {
    const until = performance.now() + 2;
    while (performance.now() < until) {}
  }
  res.end("ok");
});

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe("measureInRounds", () => {
  it("measures the ceiling before and after every scenario, in every round, and compares each run with its two neighbours", async () => {
    const ceiling = { name: "empty", requests: [{ method: "GET" as const, path: "/fast" }], connections: 4 };
    const slow = { name: "slow", requests: [{ method: "GET" as const, path: "/slow" }], connections: 4 };
    const { ceiling: c, results } = await measureInRounds(url, ceiling, [slow], { rounds: 2, duration: 0.5, warmUp: 0, log: () => {} });

    expect(hits).toEqual(["/fast", "/slow", "/fast", "/slow", "/fast"]);
    expect(c.rounds).toHaveLength(3);
    expect(results[0]!.rounds).toHaveLength(2);
    const [first, second] = results[0]!.rounds;
    const ratio = (run: typeof first, i: number) => run!.rps / ((c.rounds[i]!.rps + c.rounds[i + 1]!.rps) / 2);
    expect(results[0]!.ratio!.min).toBeCloseTo(Math.min(ratio(first, 0), ratio(second, 1)), 6);
    expect(results[0]!.ratio!.max).toBeCloseTo(Math.max(ratio(first, 0), ratio(second, 1)), 6);
    expect(results[0]!.ratio!.max).toBeLessThan(1);
    expect(results[0]!.rps).toBe(median(results[0]!.rounds.map((r) => r.rps)));
    expect(results[0]!.errors).toBe(0);
  }, 30_000);

  it("takes the middle value, or the mean of the two middle ones", () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
  });
});
