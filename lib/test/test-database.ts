// Fresh, migrated databases for tests: a migrated template is made once per run (global setup),
// then each test file gets its own copy, so files never see each other's rows.
import { randomBytes } from "node:crypto";
import { existsSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import pg from "pg";
import { openAdapter } from "../db/adapter";
import { applyMigrations } from "../db/migrate";

// Unique per test run, so several runs (developers, CI) can share one PostgreSQL server.
function templateDb(): string {
  return (process.env.SEATWISE_TEST_TEMPLATE_DB ||= `seatwise_tpl_${process.pid}_${randomBytes(3).toString("hex")}`);
}
const PGLITE_TEMPLATE = path.join(os.tmpdir(), `seatwise-pglite-template-${process.pid}.tar.gz`);

function withDatabase(url: string, database: string): string {
  const u = new URL(url);
  u.pathname = `/${database}`;
  return u.toString();
}

export async function prepareTemplates(kind: string): Promise<Record<string, string>> {
  if (kind === "postgres") {
    const url = process.env.TEST_DATABASE_URL!;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`DROP DATABASE IF EXISTS ${templateDb()} WITH (FORCE)`);
    await admin.query(`CREATE DATABASE ${templateDb()}`);
    await admin.end();
    const opened = await openAdapter({ kind: "postgres", url: withDatabase(url, templateDb()) }, { poolSize: 2 });
    await applyMigrations(opened.factory);
    await opened.close();
    return { SEATWISE_TEST_TEMPLATE_DB: templateDb() };
  }
  const opened = await openAdapter({ kind: "pglite", dataDir: "memory://" });
  await applyMigrations(opened.factory);
  const dump = await opened.pglite!.dumpDataDir("gzip");
  writeFileSync(PGLITE_TEMPLATE, Buffer.from(await dump.arrayBuffer()));
  await opened.close();
  return { SEATWISE_TEST_PGLITE_TEMPLATE: PGLITE_TEMPLATE };
}

export type TTestDatabase =
  | { kind: "pglite"; pglite: PGlite; close: () => Promise<void> }
  | { kind: "postgres"; url: string; close: () => Promise<void> };

export async function dropTemplates(kind: string) {
  if (kind !== "postgres") return rmSync(PGLITE_TEMPLATE, { force: true });
  const admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL! });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${templateDb()} WITH (FORCE)`);
  await admin.end();
}

export async function createTestDatabase(kind: string): Promise<TTestDatabase> {
  if (kind === "postgres") {
    const base = process.env.TEST_DATABASE_URL!;
    const name = `seatwise_t_${randomBytes(6).toString("hex")}`;
    const admin = new pg.Client({ connectionString: base });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${templateDb()}`);
    await admin.end();
    return {
      kind: "postgres",
      url: withDatabase(base, name),
      close: async () => {
        const c = new pg.Client({ connectionString: base });
        await c.connect();
        await c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
        await c.end();
      },
    };
  }
  const template = process.env.SEATWISE_TEST_PGLITE_TEMPLATE;
  if (!template || !existsSync(template)) throw new Error("PGlite test template missing: run tests through vitest's global setup");
  const pglite = await PGlite.create({ loadDataDir: new Blob([readFileSync(template)]) });
  return { kind: "pglite", pglite, close: () => pglite.close() };
}
