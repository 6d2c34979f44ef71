import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { ApiError } from "../api/errors";
import { db } from "../db";
import { makeLicense } from "../test/factories";
import { activateSeat } from "./activate-seat";
import { countSeatsInUse } from "./count-seats";

const run = promisify(execFile);
const ctx = { actor: { type: "LICENSE_KEY" as const }, ip: "127.0.0.1" };

async function race(key: string, fingerprints: string[]) {
  const outcomes: Record<string, number> = {};
  await Promise.all(
    fingerprints.map(async (fingerprint) => {
      try {
        const r = await activateSeat({ key, fingerprint }, ctx);
        outcomes[r.created ? "created" : "existing"] = (outcomes[r.created ? "created" : "existing"] ?? 0) + 1;
      } catch (error) {
        const code = error instanceof ApiError ? error.code : String(error);
        outcomes[code] = (outcomes[code] ?? 0) + 1;
      }
    }),
  );
  return outcomes;
}

describe("seat race", () => {
  it("200 distinct devices racing for 50 seats end with exactly 50 seats and 150 refusals", { timeout: 180_000 }, async () => {
    const { key, license } = await makeLicense({ license: { seats: 50 } });
    const outcomes = await race(key, Array.from({ length: 200 }, (_, i) => `device-${i}`));
    expect(outcomes).toEqual({ created: 50, SEAT_LIMIT_REACHED: 150 });
    expect(await db.activation.count({ where: { licenseId: license.id, deactivatedAt: null } })).toBe(50);
    expect(await countSeatsInUse(db, license.id, new Date())).toBe(50);
  });

  it("one device racing with itself holds one seat", async () => {
    const { key, license } = await makeLicense({ license: { seats: 5 } });
    const outcomes = await race(key, Array.from({ length: 30 }, () => "same-device"));
    expect(outcomes).toEqual({ created: 1, existing: 29 });
    expect(await db.activation.count({ where: { licenseId: license.id } })).toBe(1);
  });

  // Several OS processes, each with its own connection pool, on one PostgreSQL database: the lock
  // lives in the database, so no process-local state can be what keeps the count exact.
  it.runIf(process.env.TEST_DB_KIND === "postgres")("4 processes × 50 devices racing for 50 seats end with exactly 50", async () => {
    const { key, license } = await makeLicense({ license: { seats: 50 } });
    const worker = path.join(import.meta.dirname, "../test/race-worker.ts");
    const env = { ...process.env, DATABASE_POOL_SIZE: "4" };
    const results = await Promise.all(
      ["p1", "p2", "p3", "p4"].map((prefix) =>
        run(process.execPath, ["--conditions=react-server", "--import", "tsx", worker, key, prefix, "50"], { env, timeout: 60_000 }),
      ),
    );
    const totals: Record<string, number> = {};
    for (const { stdout } of results) {
      for (const [k, v] of Object.entries(JSON.parse(stdout.trim().split("\n").pop()!) as Record<string, number>)) totals[k] = (totals[k] ?? 0) + v;
    }
    expect(totals).toEqual({ created: 50, SEAT_LIMIT_REACHED: 150 });
    expect(await db.activation.count({ where: { licenseId: license.id, deactivatedAt: null } })).toBe(50);
  });

  it.runIf(process.env.TEST_DB_KIND === "postgres")("one device racing itself from 4 processes holds one seat", async () => {
    const { key, license } = await makeLicense({ license: { seats: 5 } });
    const worker = path.join(import.meta.dirname, "../test/race-worker.ts");
    const results = await Promise.all(
      [1, 2, 3, 4].map(() => run(process.execPath, ["--conditions=react-server", "--import", "tsx", worker, key, "same", "10"], { timeout: 60_000 })),
    );
    const totals: Record<string, number> = {};
    for (const { stdout } of results) {
      for (const [k, v] of Object.entries(JSON.parse(stdout.trim().split("\n").pop()!) as Record<string, number>)) totals[k] = (totals[k] ?? 0) + v;
    }
    expect(totals).toEqual({ created: 1, existing: 39 });
    expect(await db.activation.count({ where: { licenseId: license.id } })).toBe(1);
  });
});
