// npm run bench: the client API under load against the production build, compared with an empty
// route on the same server process. Not a test: numbers, written to lib/bench/results.md and README.
//   BENCH_TARGETS=postgres,pglite   which databases (PostgreSQL from DATABASE_URL or TEST_DATABASE_URL)
//   BENCH_DURATION=10               seconds per scenario and round
//   BENCH_ROUNDS=3                  rounds: every scenario is measured this many times, each time
//                                   between two measurements of the ceiling (lib/bench/rounds.ts)
//   BENCH_LICENSES=100000           licenses in the large data set (3 activations each)
//   BENCH_NODE=/path/to/node        the Node.js binary that runs the server (default: this one)
//   BENCH_ONLY=validate,heartbeat   a quick look at some scenarios (names start with these); prints
//                                   the numbers only: no page timings, no 1k run, README untouched
//                                   (add `fixed` for the fixed-rate runs, `rate` for the rate limits)
//   BENCH_RATES=350                 the fixed request rates (comma-separated) every scenario also runs at
//   BENCH_SLOW_LOG=/tmp/slow.log    appends every fixed-rate request slower than BENCH_SLOW_MS (50) with
//                                   its wall-clock time, to line up with GC traces or PostgreSQL's log
import { readFileSync, writeFileSync, existsSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { measureAtRates, rateRows, type TAtRate } from "../bench/fixed-rate";
import { measureInRounds, type TMeasured } from "../bench/rounds";
import { runScenario, type TScenario } from "../bench/run-scenario";
import { serverNodeVersion, staffCookie, startServer, timePage } from "../bench/server";
import { ensureBuilt, root } from "./build";
import { openDatabase } from "./open-database";

const duration = Number(process.env.BENCH_DURATION || 10);
const rounds = Math.max(1, Math.floor(Number(process.env.BENCH_ROUNDS) || 3));
const largeCount = Number(process.env.BENCH_LICENSES || 100_000);
const pgBase = process.env.DATABASE_URL || process.env.TEST_DATABASE_URL;
const wanted = (process.env.BENCH_TARGETS || (pgBase ? "postgres,pglite" : "pglite")).split(",");
const STAFF = { email: "bench@seatwise.local", password: "bench-password-123" };
const SECRET = "bench-secret-not-for-production-0123456789";
const PORT = Number(process.env.BENCH_PORT || 3400);
const WARM_UP_SECONDS = 3;
// Separate data sets for different sizes (e.g. a quick smoke run) never mix with the real one.
const TAG = process.env.BENCH_DATA_TAG || "";
const only = process.env.BENCH_ONLY ? process.env.BENCH_ONLY.split(",").map((s) => s.trim()) : null;
// 100,000 seats heartbeating every 5 minutes is 333 requests/s; an office-wide restart, a few times that.
const RATES = (process.env.BENCH_RATES || "350").split(",").map(Number).filter((n) => n > 0);
const SLOW = process.env.BENCH_SLOW_LOG ? { path: process.env.BENCH_SLOW_LOG, overMs: Number(process.env.BENCH_SLOW_MS || 50) } : undefined;
const picked = (name: string) => !only || name.startsWith("empty") || only.some((o) => name.startsWith(o));

/** small: a second data set of 1,000 licenses, for validate's flatness (PostgreSQL only). */
type TTarget = { name: string; env: Record<string, string | undefined>; small?: TTarget };
type TSample = { pairs: { key: string; fingerprint: string }[]; nodeLocked: string[]; floating: string[] };

function withDb(url: string, name: string) {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function ensurePgDatabase(name: string) {
  const admin = new pg.Client({ connectionString: pgBase });
  await admin.connect();
  const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
  if (exists.rowCount === 0) await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
}

/** Migrates, seeds once (reused across runs), and picks the keys each scenario will use. */
async function prepare(target: TTarget, licenses: number): Promise<TSample> {
  Object.assign(process.env, target.env);
  if (!target.env.DATABASE_URL) delete process.env.DATABASE_URL;
  const database = await openDatabase({ log: false });
  const db = database.client;
  try {
    const { seedDemo } = await import("../seed/seed-demo");
    await seedDemo(db, { ...process.env, SEATWISE_ADMIN_EMAIL: STAFF.email, SEATWISE_ADMIN_PASSWORD: STAFF.password });
    const have = await db.license.count({ where: { id: { startsWith: "benchL" } } });
    if (have < licenses) {
      if (have > 0) throw new Error(`partial benchmark data set (${have} licenses): drop it and run again`);
      console.log(`[bench] ${target.name}: seeding ${licenses.toLocaleString("en")} licenses…`);
      const { seedLarge } = await import("../seed/seed-large");
      await seedLarge(db, {
        licenses,
        activationsPerLicense: 3,
        organizations: Math.max(1, Math.round(licenses / 5)),
        batch: 25_000,
        tag: "bench",
        log: (l) => console.log(`[bench] ${l.trim()}`),
      });
    }
    const now = new Date();
    // The data set was loaded at once, so every license within a month of its expiry looks due for a
    // notice; a server that had been running would have sent those as they came due. Left as they are,
    // the server would render thousands of emails while it is being measured.
    const { markExpiryNoticesSent } = await import("../notifications/notify-expiring-licenses");
    const marked = await markExpiryNoticesSent({ client: db, now });
    if (marked > 0) console.log(`[bench] ${target.name}: ${marked} expiry notices due before this run counted as sent`);
    // A scenario that ends between a pair's two requests leaves its seat taken. Free those from earlier
    // runs, so licenses don't fill up over runs and no sampled device is one a pair will release.
    const leftovers = await db.activation.updateMany({
      where: { deactivatedAt: null, OR: [{ fingerprint: { startsWith: "bench-" } }, { fingerprint: { startsWith: "lease-" } }] },
      data: { deactivatedAt: now, deactivatedBy: "BENCH" },
    });
    if (leftovers.count > 0) console.log(`[bench] ${target.name}: freed ${leftovers.count} seats left by earlier runs`);
    // Earlier runs leave dead rows behind (every pair inserts and ends a seat). Clean them up now, as
    // autovacuum would on a server between bursts, so it doesn't start in the middle of a scenario.
    await db.$executeRawUnsafe(`VACUUM ANALYZE "Activation", "Event", "PeriodUsage", "BillingPeriod", "License"`);
    const live = { status: "ACTIVE" as const, expiresAt: { gt: new Date(now.getTime() + 86_400_000) } };
    const pairs = await db.activation.findMany({
      where: { deactivatedAt: null, license: { ...live, policy: { model: "NODE_LOCKED" } } },
      select: { fingerprint: true, license: { select: { key: true } } },
      take: Number(process.env.BENCH_PAIRS || 5000),
    });
    const nodeLocked = await db.license.findMany({ where: { ...live, policy: { model: "NODE_LOCKED" } }, select: { key: true }, skip: 6000, take: 200 });
    const floating = await db.license.findMany({ where: { ...live, policy: { model: "FLOATING" } }, select: { key: true }, take: 200 });
    return {
      pairs: pairs.map((p) => ({ key: p.license.key, fingerprint: p.fingerprint })),
      nodeLocked: nodeLocked.map((l) => l.key),
      floating: floating.map((l) => l.key),
    };
  } finally {
    await database.close();
  }
}

function scenarios(sample: TSample): TScenario[] {
  let next = 0;
  const pick = () => sample.pairs[next++ % sample.pairs.length]!;
  // autocannon gives a connection a fresh context each time it starts its list of requests again, so
  // a pair's state lives in the context only from its first request to its second. Each pair takes a
  // license no other pair is using (back on the list once its release is sent) and a fingerprint no
  // other pair uses, so pairs never renew or release each other's seats, and never compete for seats
  // (2 of a node-locked license's 5 are free).
  const run = Date.now().toString(36);
  let pairs = 0;
  const pairOn = (prefix: string, keys: string[]) => {
    const free = [...keys];
    // Pairs whose release was never sent: a run that ends between a pair's two requests. Released
    // between runs (settle), so their licenses go back on the list and their seats are free again.
    const open = new Map<string, string>();
    return {
      take: (ctx: Record<string, unknown>) => {
        ctx.key = free.shift() ?? keys[pairs % keys.length];
        ctx.fingerprint = `${prefix}-${run}-${++pairs}`;
        open.set(ctx.fingerprint as string, ctx.key as string);
        return { key: ctx.key, fingerprint: ctx.fingerprint };
      },
      give: (ctx: Record<string, unknown>) => {
        free.push(ctx.key as string);
        open.delete(ctx.fingerprint as string);
        return { key: ctx.key, fingerprint: ctx.fingerprint };
      },
      settle: async (url: string) => {
        for (const [fingerprint, key] of open) {
          await fetch(`${url}/api/v1/deactivations`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify({ key, fingerprint }) });
          free.push(key);
        }
        open.clear();
      },
    };
  };
  const seats = pairOn("bench", sample.nodeLocked);
  const leases = pairOn("lease", sample.floating);
  return [
    { name: "empty route (ceiling)", requests: [{ method: "GET", path: "/api/health" }] },
    { name: "validate", requests: [{ method: "POST", path: "/api/v1/validate", body: () => pick() }] },
    { name: "heartbeat", requests: [{ method: "POST", path: "/api/v1/heartbeats", body: () => ({ ...pick(), appVersion: "3.1.0" }) }] },
    {
      name: "activate + deactivate",
      settle: seats.settle,
      requests: [
        { method: "POST", path: "/api/v1/activations", body: (ctx) => seats.take(ctx) },
        { method: "POST", path: "/api/v1/deactivations", body: (ctx) => seats.give(ctx) },
      ],
    },
    {
      name: "floating checkout + release",
      settle: leases.settle,
      requests: [
        { method: "POST", path: "/api/v1/activations", body: (ctx) => leases.take(ctx) },
        { method: "POST", path: "/api/v1/deactivations", body: (ctx) => leases.give(ctx) },
      ],
    },
    { name: "license-file issue", requests: [{ method: "POST", path: "/api/v1/license-files", body: () => pick() }] },
  ];
}

async function benchTarget(target: TTarget) {
  const sample = await prepare(target, largeCount);
  const server = await startServer(PORT, { ...target.env, SEATWISE_SECRET: SECRET, SEATWISE_RATE_LIMITS: "off" });
  const results: TMeasured[] = [];
  try {
    const all = scenarios(sample);
    const [ceiling, validate] = all;
    await warmUp(server.url, validate!, sample);
    const present: TScenario[] = [];
    for (const scenario of all.slice(1).filter((s) => picked(s.name))) {
      const probe = await fetch(`${server.url}${scenario.requests[0]!.path}`, { method: scenario.requests[0]!.method, body: scenario.requests[0]!.body ? JSON.stringify(scenario.requests[0]!.body({})) : undefined });
      if (probe.status === 404 && (await probe.text()).includes("<html")) console.log(`[bench] ${target.name}: ${scenario.name}: route not present, skipped`);
      else present.push(scenario);
    }
    const measured = await measureInRounds(server.url, ceiling!, present, measureOptions(target));
    results.push(measured.ceiling, ...measured.results);
    const atRates: TAtRate[] = !only || only.includes("fixed") ? await measureAtRates(server.url, [ceiling!, ...present], RATES, { ...measureOptions(target), slow: SLOW }) : [];
    if (only) {
      if (only.some((o) => o.startsWith("rate"))) results.push(...(await validateWithLimits(target, sample, server)));
      return { results, atRates, page: null, search: null, flat: null };
    }
    const cookie = await staffCookie(server.url, STAFF.email, STAFF.password);
    await timePage(server.url, "/console/licenses", cookie, 3);
    const page = await timePage(server.url, "/console/licenses", cookie, 30);
    const search = await timePage(server.url, "/console/licenses?q=Customer%2042", cookie, 20);
    const flat = target.small ? await validateSmallBeside(target, target.small, server.url, validate!) : null;
    await server.stop();
    results.push(...(await validateWithLimits(target, sample)));
    return { results, atRates, page, search, flat };
  } finally {
    await server.stop();
  }
}

/**
 * Validate with every rate limit on, set far above the load so none refuses: what the limits' shared
 * counters (an atomic upsert per limit per request, in the database) cost in a real deployment. Run
 * twice: clients at 1,000 addresses behind a proxy (the usual case), and all at one address (one
 * office behind NAT: every request updates the same counter row).
 */
async function validateWithLimits(target: TTarget, sample: TSample, running?: { stop(): Promise<void> }) {
  await running?.stop();
  const high = {
    SEATWISE_RATE_LIMITS: "on",
    SEATWISE_RATE_LIMIT_CLIENT_IP: "100000000/60",
    SEATWISE_RATE_LIMIT_CLIENT_KEY: "100000000/60",
    SEATWISE_TRUSTED_PROXIES: "1",
  };
  const server = await startServer(PORT, { ...target.env, SEATWISE_SECRET: SECRET, ...high });
  try {
    let n = 0;
    const [ceiling, validate] = scenarios(sample);
    const many = { ...validate!, name: "validate, rate limits on (1,000 addresses)", forwardedFor: () => `10.0.${(n = (n + 1) % 1000) >> 8}.${n & 255}` };
    const one = { ...validate!, name: "validate, rate limits on (one address)", forwardedFor: () => "10.9.9.9" };
    await warmUp(server.url, many, sample);
    return (await measureInRounds(server.url, ceiling!, [many, one], measureOptions(target))).results;
  } finally {
    await server.stop();
  }
}

/**
 * Validate with 1,000 licenses against validate with 100,000, the two servers up at once and their runs
 * alternated (100k, 1k, 100k, …): each 1k run is compared with the 100k runs right before and after it,
 * as every scenario is with the ceiling, so the machine's drift between two separate runs can't pass
 * for a difference between the data sets.
 */
async function validateSmallBeside(target: TTarget, small: TTarget, bigUrl: string, bigValidate: TScenario): Promise<TMeasured> {
  const sample = await prepare(small, 1000);
  const server = await startServer(PORT + 1, { ...small.env, SEATWISE_SECRET: SECRET, SEATWISE_RATE_LIMITS: "off" });
  try {
    const validate = { ...scenarios(sample)[1]!, name: "validate, 1,000 licenses", baseUrl: server.url };
    await warmUp(server.url, validate, sample);
    const big = { ...bigValidate, name: `validate, ${largeCount.toLocaleString("en")} licenses` };
    return (await measureInRounds(bigUrl, big, [validate], measureOptions(target))).results[0]!;
  } finally {
    await server.stop();
  }
}

/**
 * JIT, connection pool, and one visit to every sampled device with `validate`, so the license cache
 * holds the working set as it does on a server that has been up for a while.
 */
async function warmUp(url: string, validate: TScenario, sample: TSample) {
  await runScenario(url, validate, 3);
  await runScenario(url, validate, 0, sample.pairs.length);
}

function measureOptions(target: TTarget) {
  return { rounds, duration, warmUp: WARM_UP_SECONDS, log: (line: string) => console.log(`[bench] ${target.name}: ${line}`) };
}

function errorCell(r: TMeasured): string {
  if (r.errors === 0) return "0";
  const kinds = Object.entries(r.errorKinds).filter(([, n]) => n > 0).map(([kind, n]) => `${n} ${kind}`);
  return `${r.errors} (${kinds.join(", ")})`;
}

/** The median ratio to the adjacent ceilings, and the lowest and highest round. */
function ratioCells(r: TMeasured): string {
  if (!r.ratio) return `1.00 | ${Math.min(...r.rounds.map((x) => x.rps)).toFixed(0)}–${Math.max(...r.rounds.map((x) => x.rps)).toFixed(0)} req/s`;
  return `${r.ratio.median.toFixed(2)} | ${r.ratio.min.toFixed(2)}–${r.ratio.max.toFixed(2)}`;
}

function machine() {
  const cpus = os.cpus();
  return `${cpus.length} cores (${cpus[0]?.model.trim()}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB RAM, Node ${serverNodeVersion()} (server), ${os.platform()} ${os.release()}`;
}

async function main() {
  ensureBuilt();
  const sections: string[] = [];
  const stamp = new Date().toISOString().slice(0, 16).replace("T", " ");
  sections.push(`Measured ${stamp} UTC on ${machine()}; autocannon, 50 connections, ${rounds} round${rounds === 1 ? "" : "s"} of ${duration} s per scenario, each between two ${duration} s runs of the empty route (the ceiling); req/s, p50 and p99 are medians of the rounds, "vs ceiling" the median of each round's ratio to the two ceiling runs beside it, "rounds" the lowest and highest such ratio; ${largeCount.toLocaleString("en")} licenses / ${(largeCount * 3).toLocaleString("en")} activations; ${Number(process.env.BENCH_PAIRS || 5000).toLocaleString("en")} sampled devices, each visited once before measuring (a server that has been up a while: its license cache holds them); rate limits off except where marked.`);
  for (const kind of wanted) {
    const target: TTarget =
      kind === "postgres"
        ? {
            name: "PostgreSQL",
            env: { DATABASE_URL: withDb(pgBase!, `seatwise_bench${TAG}`) },
            small: { name: "PostgreSQL 1k", env: { DATABASE_URL: withDb(pgBase!, `seatwise_bench_small${TAG}`) } },
          }
        : { name: "PGlite (embedded)", env: { DATABASE_URL: undefined, SEATWISE_DATA_DIR: path.join(root, `data/bench${TAG}`) } };
    if (kind === "postgres") {
      if (!pgBase) continue;
      await ensurePgDatabase(`seatwise_bench${TAG}`);
      await ensurePgDatabase(`seatwise_bench_small${TAG}`);
    }
    const { results, atRates, page, search, flat } = await benchTarget(target);
    const rows = results.map((r) => `| ${r.name} | ${r.rps.toFixed(0)} | ${r.p50} | ${r.p99} | ${errorCell(r)} | ${ratioCells(r)} |`);
    const fixed = atRates.length
      ? `\n\nAt a fixed rate (one ${duration} s run per endpoint and rate, 50 connections, latency counted from when each request was due, so a stall counts against every request it held back):\n\n${rateRows(atRates)}`
      : "";
    if (!page || !search) {
      console.log(`\n${target.name}\n${rows.join("\n")}${fixed}`);
      continue;
    }
    const flatLine = flat?.ratio
      ? `\nValidate with 1,000 vs ${largeCount.toLocaleString("en")} licenses, two servers up at once and their runs alternated (each 1k run against the ${largeCount / 1000}k runs before and after it): 1k at ${flat.rps.toFixed(0)} req/s (p50 ${flat.p50} ms, p99 ${flat.p99} ms) → 1k / ${largeCount / 1000}k throughput ${flat.ratio.median.toFixed(2)} (rounds ${flat.ratio.min.toFixed(2)}–${flat.ratio.max.toFixed(2)}).\n`
      : "";
    sections.push(
      `### ${target.name}\n\n| Endpoint | req/s | p50 ms | p99 ms | errors | vs ceiling | rounds |\n| --- | ---: | ---: | ---: | ---: | ---: | ---: |\n${rows.join("\n")}\n${flatLine}\nConsole license list (/console/licenses, ${largeCount.toLocaleString("en")} licenses, one user, 30 loads): p50 ${page.p50.toFixed(0)} ms, p95 ${page.p95.toFixed(0)} ms; with a search: p50 ${search.p50.toFixed(0)} ms, p95 ${search.p95.toFixed(0)} ms.${fixed}`,
    );
  }
  if (only) return;
  const table = sections.join("\n\n");
  writeFileSync(path.join(root, "lib/bench/results.md"), `# Benchmark results\n\n${table}\n`);
  const readme = path.join(root, "README.md");
  if (existsSync(readme)) {
    const text = readFileSync(readme, "utf8");
    const start = "<!-- bench:start -->";
    const end = "<!-- bench:end -->";
    if (text.includes(start) && text.includes(end)) {
      writeFileSync(readme, `${text.slice(0, text.indexOf(start) + start.length)}\n${table}\n${text.slice(text.indexOf(end))}`);
    }
  }
  console.log(`\n${table}\n\nWritten to lib/bench/results.md${existsSync(readme) ? " and README.md" : ""}.`);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
