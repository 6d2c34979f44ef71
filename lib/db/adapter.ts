import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { statementNamer } from "./statement-names";
import type { TDatabaseTarget } from "./target";

export type TAdapterFactory = PrismaPg | PrismaPGlite;

export type TOpenedAdapter = {
  factory: TAdapterFactory;
  /** The embedded database handle (for closing it and for raw multi-statement SQL), when embedded. */
  pglite?: PGlite;
  close: () => Promise<void>;
};

/** Every PostgreSQL adapter Seatwise makes (app, CLI, tests) caches prepared statements the same way. */
export function postgresAdapter(poolOrConfig: pg.Pool | pg.PoolConfig): PrismaPg {
  return new PrismaPg(poolOrConfig, { statementNameGenerator: statementNamer() });
}

export async function openAdapter(target: TDatabaseTarget, options: { poolSize?: number } = {}): Promise<TOpenedAdapter> {
  if (target.kind === "postgres") {
    const pool = new pg.Pool({ connectionString: target.url, max: options.poolSize ?? 10 });
    return { factory: postgresAdapter(pool), close: () => pool.end() };
  }
  if (!target.dataDir.startsWith("memory://")) mkdirSync(target.dataDir, { recursive: true });
  const pglite = await PGlite.create(target.dataDir);
  return { factory: new PrismaPGlite(pglite), pglite, close: () => pglite.close() };
}
