// The client API at a fixed request rate rather than flat out: the latency a vendor's apps see at the
// load they actually put on a server. Flat out, 50 connections are always waiting, so latency is
// 50 / throughput by construction (Little's law) and p99 mostly says how fast the server is; at a
// fixed rate below the ceiling, p99 says how long a request waits for work that isn't its own.
//
// autocannon's own rate option is a per-second budget that each connection spends back to back at the
// top of every second: a burst, not a rate. So requests are sent here on a steady schedule, open loop
// (a slow answer does not delay the next request), and each latency is counted from when the request
// was due, so a stall counts against every request it held back.
import { appendFileSync } from "node:fs";
import http from "node:http";
import type { TScenario } from "./run-scenario";

export type TAtRate = { name: string; rate: number; rps: number; p50: number; p99: number; p999: number; errors: number; refusals: string[] };

/**
 * `slow`: every request slower than `overMs` is appended to `path` as a line (wall-clock time it was
 * due, scenario, request, ms, status), to set beside the server's GC trace or PostgreSQL's log.
 */
type TOptions = { duration: number; log: (line: string) => void; connections?: number; slow?: { path: string; overMs: number } };

/** Every scenario at every rate, one run each, in that order (the scenarios should already be warm). */
export async function measureAtRates(url: string, scenarios: TScenario[], rates: number[], options: TOptions): Promise<TAtRate[]> {
  const results: TAtRate[] = [];
  for (const rate of rates) {
    for (const scenario of scenarios) {
      const result = await runAtRate(url, scenario, rate, options);
      options.log(`at ${rate} req/s: ${result.name}: ${result.rps.toFixed(0)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, p99.9 ${result.p999} ms, errors ${result.errors}`);
      for (const refusal of result.refusals) options.log(`  refused: ${refusal}`);
      results.push(result);
    }
  }
  return results;
}

/**
 * `rate` requests per second for `duration` seconds over at most 50 keep-alive connections. A scenario
 * of several requests (a pair) starts at rate / requests per second; its later requests follow their
 * previous one's answer, as an app's would, and are timed from when they are sent.
 */
export async function runAtRate(url: string, scenario: TScenario, rate: number, options: TOptions): Promise<TAtRate> {
  const base = new URL(scenario.baseUrl ?? url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: scenario.connections ?? options.connections ?? 50 });
  const latencies: number[] = [];
  const refusals: string[] = [];
  // Written once the run is over: a write per slow request would hold up the schedule it measures.
  const slowLines: string[] = [];
  let errors = 0;
  const send = (request: TScenario["requests"][number], ctx: Record<string, unknown>) =>
    new Promise<string>((resolve) => {
      const body = request.body ? JSON.stringify(request.body(ctx)) : undefined;
      const headers: Record<string, string> = { "content-type": "application/json", ...request.headers };
      if (scenario.forwardedFor) headers["x-forwarded-for"] = scenario.forwardedFor();
      const req = http.request({ agent, host: base.hostname, port: base.port, method: request.method, path: request.path, headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on("data", (c: Buffer) => chunks.push(c));
        res.on("end", () => {
          const status = res.statusCode ?? 0;
          if (status < 200 || status > 299) {
            errors++;
            if (refusals.length < 5) refusals.push(`${status} ${Buffer.concat(chunks).toString("utf8").slice(0, 160)}`);
          }
          resolve(String(status));
        });
      });
      req.on("error", (error) => {
        errors++;
        if (refusals.length < 5) refusals.push(error.message);
        resolve(error.message);
      });
      req.end(body);
    });
  const iteration = async (due: number) => {
    const ctx: Record<string, unknown> = {};
    let from = due;
    for (const request of scenario.requests) {
      const outcome = await send(request, ctx);
      const done = performance.now();
      latencies.push(done - from);
      if (options.slow && done - from > options.slow.overMs) {
        const dueAt = new Date(performance.timeOrigin + from).toISOString();
        slowLines.push(`${dueAt} ${scenario.name} | ${request.method} ${request.path} | ${Math.round(done - from)} ms | ${outcome}\n`);
      }
      from = done;
    }
  };

  const interval = (1000 * scenario.requests.length) / rate;
  const start = performance.now();
  const end = start + options.duration * 1000;
  const inFlight: Promise<void>[] = [];
  let next = start;
  while (next < end) {
    const now = performance.now();
    for (; next <= now && next < end; next += interval) inFlight.push(iteration(next));
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, Math.min(next, end) - performance.now())));
  }
  await Promise.all(inFlight);
  if (options.slow && slowLines.length > 0) appendFileSync(options.slow.path, slowLines.join(""));
  const elapsed = (performance.now() - start) / 1000;
  agent.destroy();
  await scenario.settle?.(base.origin);
  const sorted = latencies.sort((a, b) => a - b);
  const at = (q: number) => Math.round(sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)] ?? 0);
  return { name: scenario.name, rate, rps: sorted.length / elapsed, p50: at(0.5), p99: at(0.99), p999: at(0.999), errors, refusals };
}

/** The table rows: asked rate, served rate, latency percentiles, errors. */
export function rateRows(results: TAtRate[]): string {
  const head = "| Endpoint | asked req/s | served req/s | p50 ms | p99 ms | p99.9 ms | errors |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |";
  return [head, ...results.map((r) => `| ${r.name} | ${r.rate} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.p999} | ${r.errors} |`)].join("\n");
}
