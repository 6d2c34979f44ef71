/**
 * Crash safety: a real `next start` of this build serves a load of activations and deactivations,
 * is killed with SIGKILL mid-load, restarted, loaded again and killed again. Afterwards every request
 * that got a 2xx must be in the database, no seat lost or counted twice, and the seat count must equal
 * the active activations. Runs against PGlite (integration-pglite project: the embedded database in a
 * data directory, exactly as `npm start` uses it) and PostgreSQL (integration-postgres, when
 * TEST_DATABASE_URL is set). Needs a production build; builds once when sources changed.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freePort } from "../test/free-port";
import { ensureProductionBuild } from "../test/production-build";
import { nextBin, root } from "../cli/build";
import { openAdapter, type TOpenedAdapter } from "../db/adapter";
import { createPrismaClient } from "../db/client";
import { applyMigrations } from "../db/migrate";
import type { TDatabaseTarget } from "../db/target";
import { generateLicenseKey } from "../crypto/tokens";

const kind = process.env.TEST_DB_KIND ?? "pglite";
const SEATS = 12;
const WORKERS = 6;
const FPS_PER_WORKER = 4;
const OPS_BEFORE_KILL = 80;
const OPS_AFTER_RESTART = 40;

type TOp = { worker: number; fp: string; op: "activate" | "deactivate"; status: number | "lost"; activationId?: string };

let dataDir: string;
let target: TDatabaseTarget;
let port: number;
let key: string;
let licenseId: string;

async function openClient(): Promise<{ db: ReturnType<typeof createPrismaClient>; opened: TOpenedAdapter }> {
  const opened = await openAdapter(target, { poolSize: 2 });
  return { db: createPrismaClient(opened.factory), opened };
}

function startServer(): ChildProcess {
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: "production",
    SEATWISE_DATA_DIR: dataDir,
    SEATWISE_SECRET: "crash-safety-secret",
    SEATWISE_RATE_LIMITS: "off",
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXT_TELEMETRY_DISABLED: "1",
  };
  if (target.kind === "postgres") env.DATABASE_URL = target.url;
  else delete env.DATABASE_URL;
  return spawn(process.execPath, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], { cwd: root, env, stdio: "ignore" });
}

async function waitReady(server: ChildProcess) {
  for (let i = 0; i < 240; i++) {
    if (server.exitCode !== null) throw new Error(`server exited with ${server.exitCode}`);
    try {
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/validate`, { method: "POST", body: JSON.stringify({ key }), headers: { "content-type": "application/json" } });
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error("server did not become ready");
}

async function killed(server: ChildProcess) {
  if (server.exitCode !== null || server.signalCode !== null) return;
  await new Promise<void>((resolve) => {
    server.once("exit", () => resolve());
    server.kill("SIGKILL");
  });
}

/** Workers own disjoint fingerprints, so each fingerprint's operations are sequential and ordered. */
async function load(ops: TOp[], stopAfter: number, onProgress?: (done: number) => void) {
  let done = 0;
  let stop = false;
  await Promise.all(
    Array.from({ length: WORKERS }, async (_, worker) => {
      let i = 0;
      while (!stop) {
        const fp = `crash-w${worker}-f${(i * 7 + worker) % FPS_PER_WORKER}`;
        const op: TOp["op"] = (i + worker) % 3 === 2 ? "deactivate" : Math.random() < 0.6 ? "activate" : "deactivate";
        i++;
        const record: TOp = { worker, fp, op, status: "lost" };
        ops.push(record);
        try {
          const res = await fetch(`http://127.0.0.1:${port}/api/v1/${op === "activate" ? "activations" : "deactivations"}`, {
            method: "POST",
            headers: { "content-type": "application/json" },
            body: JSON.stringify({ key, fingerprint: fp }),
            signal: AbortSignal.timeout(20_000),
          });
          const body = (await res.json()) as { activation?: { id: string } };
          record.status = res.status;
          record.activationId = body.activation?.id;
        } catch {
          // The server died with this request in flight: its outcome is unknown ("lost").
          stop = true;
          return;
        }
        done++;
        onProgress?.(done);
        if (done >= stopAfter) stop = true;
      }
    }),
  );
}

describe.skipIf(kind === "postgres" && !process.env.TEST_DATABASE_URL)(`crash safety (${kind})`, () => {
  beforeAll(async () => {
    ensureProductionBuild();
    dataDir = mkdtempSync(path.join(os.tmpdir(), "seatwise-crash-"));
    target = kind === "postgres" ? { kind: "postgres", url: process.env.DATABASE_URL! } : { kind: "pglite", dataDir: path.join(dataDir, "pglite") };
    port = await freePort();
    const { db, opened } = await openClient();
    if (kind !== "postgres") await applyMigrations(opened.factory);
    const product = await db.product.create({ data: { name: "Crash", code: `crash-${port}-${Date.now()}` } });
    const policy = await db.policy.create({ data: { productId: product.id, name: "Crash", seats: SEATS } });
    key = generateLicenseKey();
    licenseId = (await db.license.create({ data: { key, policyId: policy.id } })).id;
    await db.$disconnect();
    await opened.close();
  }, 600_000);

  afterAll(() => {
    rmSync(dataDir, { recursive: true, force: true });
  });

  it("every acknowledged write survives SIGKILL, and seats equal active activations", async () => {
    const ops: TOp[] = [];
    let server = startServer();
    try {
      await waitReady(server);
      // Kill while requests are in flight: as soon as enough answers came back, without waiting for the rest.
      await load(ops, Number.POSITIVE_INFINITY, (done) => {
        if (done === OPS_BEFORE_KILL) server.kill("SIGKILL");
      });
      await killed(server);
      server = startServer();
      await waitReady(server);
      await load(ops, OPS_AFTER_RESTART);
    } finally {
      await killed(server);
    }

    const acknowledged = ops.filter((o) => typeof o.status === "number");
    console.info(`[crash-safety] ${ops.length} requests, ${ops.length - acknowledged.length} lost in flight at the kill`);
    expect(acknowledged.length).toBeGreaterThanOrEqual(OPS_BEFORE_KILL + OPS_AFTER_RESTART);
    expect(acknowledged.every((o) => (o.status as number) < 500)).toBe(true);

    const { db, opened } = await openClient();
    try {
      const activations = await db.activation.findMany({ where: { licenseId } });
      const byId = new Map(activations.map((a) => [a.id, a]));

      for (const o of acknowledged) {
        if (o.op === "activate" && (o.status === 200 || o.status === 201)) {
          expect(byId.get(o.activationId!)?.fingerprint, `activation ${o.activationId} acknowledged but missing`).toBe(o.fp);
        }
        if (o.op === "deactivate" && o.status === 200) {
          expect(byId.get(o.activationId!)?.deactivatedAt, `deactivation of ${o.activationId} acknowledged but not stored`).not.toBeNull();
        }
      }

      // Per fingerprint, the last operation decides the final state, unless one after it was lost in the crash.
      const active = activations.filter((a) => a.deactivatedAt === null);
      for (const fp of new Set(ops.map((o) => o.fp))) {
        const mine = ops.filter((o) => o.fp === fp);
        const holders = active.filter((a) => a.fingerprint === fp);
        expect(holders.length, `${fp} holds more than one seat`).toBeLessThanOrEqual(1);
        const last = mine.at(-1)!;
        if (last.status === "lost") continue;
        if (last.op === "activate" && (last.status === 200 || last.status === 201)) expect(holders, fp).toHaveLength(1);
        if (last.op === "deactivate") expect(holders, fp).toHaveLength(0);
        if (last.op === "activate" && last.status === 409) expect(holders, fp).toHaveLength(0);
      }

      // No seat lost or counted twice: the count is exactly the active activations, within the limit.
      const now = new Date();
      const seatsInUse = await db.activation.count({ where: { licenseId, deactivatedAt: null, OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { gt: now } }] } });
      expect(seatsInUse).toBe(active.length);
      expect(active.length).toBeLessThanOrEqual(SEATS);
      // Each activation row was created together with its event, in one transaction.
      expect(await db.event.count({ where: { licenseId, action: "activation.created" } })).toBe(activations.length);
      expect(await db.event.count({ where: { licenseId, action: "activation.deactivated" } })).toBe(activations.length - active.length);
      // Acknowledged creations are a subset of the rows; rows beyond them are requests lost in flight.
      const created = acknowledged.filter((o) => o.op === "activate" && o.status === 201).length;
      const lost = ops.filter((o) => o.status === "lost" && o.op === "activate").length;
      expect(activations.length).toBeGreaterThanOrEqual(created);
      expect(activations.length).toBeLessThanOrEqual(created + lost);
    } finally {
      await db.$disconnect();
      await opened.close();
    }
  }, 600_000);
});
