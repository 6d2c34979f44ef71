/**
 * Migrations through Prisma's own schema engine, in its WebAssembly build: the native engine binary
 * can't be downloaded on machines without access to Prisma's binary host. The migrations folder stays
 * in Prisma's standard layout, so `prisma migrate deploy` works on the same folder wherever the
 * native engine is available.
 */
import { readFileSync, readdirSync, existsSync, mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { bindMigrationAwareSqlAdapterFactory } from "@prisma/driver-adapter-utils";
import type { TAdapterFactory } from "./adapter";

const root = path.resolve(import.meta.dirname, "../..");
export const schemaPath = path.join(root, "prisma/schema.prisma");
export const migrationsDir = path.join(root, "prisma/migrations");

const FILTERS = { externalTables: [], externalEnums: [] };

type TEngine = {
  applyMigrations(input: unknown): Promise<{ appliedMigrationNames: string[] }>;
  diff(input: unknown): Promise<{ exitCode: number; stdout?: string }>;
  free(): void;
};

type TEngineModule = { SchemaEngine: { new: (...args: unknown[]) => Promise<TEngine> } };

// Kept on globalThis: the engine's JS glue is one Node module shared by every copy of this file
// (test runners load it once per project), and it can only be bound to one wasm instance.
const shared = globalThis as unknown as { __seatwiseSchemaEngine?: Promise<TEngineModule>; __seatwiseSchemaQueue?: Promise<unknown> };

/** The package's entry imports its .wasm as an ES module, which plain Node can't; instantiate it by hand. */
let lastPanic: string | undefined;

function loadEngineModule() {
  shared.__seatwiseSchemaEngine ??= (async () => {
    // The engine reports Rust panics through this global; without it a panic crashes the process.
    (globalThis as { PRISMA_WASM_PANIC_REGISTRY?: unknown }).PRISMA_WASM_PANIC_REGISTRY = {
      set_message: (message: string) => {
        lastPanic = message;
      },
    };
    const require = createRequire(import.meta.url);
    const bgPath = require.resolve("@prisma/schema-engine-wasm/schema_engine_bg");
    const bg = await import(/* webpackIgnore: true */ bgPath);
    const bytes = readFileSync(path.join(path.dirname(bgPath), "schema_engine_bg.wasm"));
    const { instance } = await WebAssembly.instantiate(bytes, { "./schema_engine_bg.js": bg });
    bg.__wbg_set_wasm(instance.exports);
    (instance.exports as { __wbindgen_start: () => void }).__wbindgen_start();
    return bg as TEngineModule;
  })();
  return shared.__seatwiseSchemaEngine;
}

/**
 * Both adapters' executeScript fall short for migrations. pglite-prisma-adapter's doesn't await
 * PGlite's exec, so a failing migration would look applied; @prisma/adapter-pg's splits the script
 * at every ";", which breaks a function body (prisma/migrations/*_seat_lock_function). Wrap
 * connections so a script goes to the database whole (PostgreSQL runs a multi-statement simple query
 * as one implicit transaction) and its errors surface.
 */
function awaitingScripts(factory: TAdapterFactory): TAdapterFactory {
  type TConnect = () => Promise<{ executeScript: (script: string) => Promise<void> }>;
  const wrapConnect = (connect: TConnect) => async () => {
    const adapter = await connect();
    // PGlite's handle has exec(); node-postgres's client runs a parameterless query as a simple query.
    const client = (adapter as unknown as { client: { exec?: (script: string) => Promise<unknown>; query: (script: string) => Promise<unknown> } }).client;
    adapter.executeScript = async (script: string) => {
      await (client.exec ? client.exec(script) : client.query(script));
    };
    return adapter;
  };
  const wrapped = Object.create(factory);
  wrapped.connect = wrapConnect(factory.connect.bind(factory) as unknown as TConnect);
  wrapped.connectToShadowDb = wrapConnect(factory.connectToShadowDb.bind(factory) as unknown as TConnect);
  return wrapped;
}

/** One engine at a time: engines share a single WebAssembly instance, which isn't safe to interleave. */
function withEngine<T>(factory: TAdapterFactory, fn: (engine: TEngine) => Promise<T>): Promise<T> {
  const run = (shared.__seatwiseSchemaQueue ?? Promise.resolve()).then(() => runEngine(factory, fn));
  shared.__seatwiseSchemaQueue = run.catch(() => undefined);
  return run;
}

async function runEngine<T>(factory: TAdapterFactory, fn: (engine: TEngine) => Promise<T>): Promise<T> {
  const { SchemaEngine } = await loadEngineModule();
  const schema = readFileSync(schemaPath, "utf8");
  const logs: string[] = [];
  const engine = await SchemaEngine.new(
    { datamodels: [[schemaPath, schema]] },
    (log: string) => logs.push(log),
    bindMigrationAwareSqlAdapterFactory(awaitingScripts(factory) as never),
  );
  try {
    return await fn(engine);
  } catch (error) {
    const message = lastPanic ?? (error instanceof Error ? error.message : JSON.stringify(error));
    throw new Error(`Schema engine: ${message}${logs.length ? `\n${logs.slice(-5).join("\n")}` : ""}`);
  } finally {
    engine.free();
  }
}

type TMigrationDirectory = {
  path: string;
  migrationFile: { path: string; content: { tag: "ok"; value: string } };
};

function migrationsList() {
  const lockPath = path.join(migrationsDir, "migration_lock.toml");
  const dirs = existsSync(migrationsDir)
    ? readdirSync(migrationsDir, { withFileTypes: true })
        .filter((d) => d.isDirectory() && existsSync(path.join(migrationsDir, d.name, "migration.sql")))
        .map((d) => d.name)
        .sort()
    : [];
  // The engine records a migration under this path: the folder name keeps the record valid when the
  // installation moves to another directory.
  const migrationDirectories: TMigrationDirectory[] = dirs.map((name) => ({
    path: name,
    migrationFile: {
      path: "migration.sql",
      content: { tag: "ok", value: readFileSync(path.join(migrationsDir, name, "migration.sql"), "utf8") },
    },
  }));
  return {
    baseDir: migrationsDir,
    lockfile: { path: lockPath, content: existsSync(lockPath) ? readFileSync(lockPath, "utf8") : null },
    migrationDirectories,
    shadowDbInitScript: "",
  };
}

/**
 * Earlier versions recorded migrations under their absolute folder path, so a database looked
 * unmigrated from any other checkout; rename those records to the folder name Prisma's CLI uses.
 */
async function normalizeMigrationNames(factory: TAdapterFactory): Promise<void> {
  const adapter = await factory.connect();
  try {
    await adapter.executeRaw({
      sql: `DO $$ BEGIN
        IF to_regclass('_prisma_migrations') IS NOT NULL THEN
          UPDATE "_prisma_migrations" SET "migration_name" = regexp_replace("migration_name", '^.*/', '') WHERE "migration_name" LIKE '%/%';
        END IF;
      END $$`,
      args: [],
      argTypes: [],
    });
  } finally {
    await adapter.dispose();
  }
}

/** Applies pending migrations, like `prisma migrate deploy`; returns the names it applied. */
export async function applyMigrations(factory: TAdapterFactory): Promise<string[]> {
  await normalizeMigrationNames(factory);
  return withEngine(factory, async (engine) => {
    const result = await engine.applyMigrations({ migrationsList: migrationsList(), filters: FILTERS });
    return result.appliedMigrationNames;
  });
}

/**
 * Writes a new migration with the SQL that takes the migration history to the current schema
 * (the job `prisma migrate dev --create-only` does, without a shadow database). Returns null when
 * the schema has no changes.
 */
export async function createMigration(factory: TAdapterFactory, name: string): Promise<string | null> {
  return withEngine(factory, async (engine) => {
    const list = migrationsList();
    const from = list.migrationDirectories.length ? { tag: "migrations", ...list } : { tag: "empty" };
    const result = await engine.diff({
      from,
      to: { tag: "schemaDatamodel", files: [{ path: schemaPath, content: readFileSync(schemaPath, "utf8") }] },
      script: true,
      shadowDatabaseUrl: null,
      exitCode: null,
      filters: FILTERS,
    });
    const sql = (result.stdout ?? "").trim();
    if (!sql || /^-- This is an empty migration\.?$/.test(sql)) return null;
    const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
    const slug = name.toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "") || "migration";
    const dir = path.join(migrationsDir, `${stamp}_${slug}`);
    mkdirSync(dir, { recursive: true });
    writeFileSync(path.join(dir, "migration.sql"), `${sql}\n`);
    const lock = path.join(migrationsDir, "migration_lock.toml");
    if (!existsSync(lock)) {
      writeFileSync(lock, '# Please do not edit this file manually\n# It should be added in your version-control system (e.g., Git)\nprovider = "postgresql"\n');
    }
    return dir;
  });
}
