import "server-only";
import { mkdirSync } from "node:fs";
import { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { createPrismaClient } from "./db/client";
import { postgresAdapter } from "./db/adapter";
import { resolveDatabaseTarget } from "./db/target";

export { createPrismaClient, OMIT_SECRETS } from "./db/client";

export type TDb = ReturnType<typeof createPrismaClient>;
export type TTx = Parameters<Parameters<TDb["$transaction"]>[0]>[0];
export type TDbOrTx = TDb | TTx;

function createDefaultClient(): TDb {
  const target = resolveDatabaseTarget();
  if (target.kind === "postgres") {
    const max = Number(process.env.DATABASE_POOL_SIZE || 10);
    return createPrismaClient(postgresAdapter({ connectionString: target.url, max }));
  }
  // PGlite is a single in-process connection that serializes queries and transactions itself. It
  // creates only the last folder of its path itself: on a fresh clone (a build that imports this
  // module) the data folder's parent does not exist yet.
  if (!target.dataDir.startsWith("memory://")) mkdirSync(target.dataDir, { recursive: true });
  return createPrismaClient(new PrismaPGlite(new PGlite(target.dataDir)));
}

const holder = globalThis as unknown as { __seatwiseDb?: TDb };

/** One client per process (Next.js dev reloads modules; tests and CLI tasks install theirs first). */
export const db: TDb = (holder.__seatwiseDb ??= createDefaultClient());

/** Interactive transactions wait for a pooled connection during bursts rather than failing fast. */
export const TX_OPTIONS = { maxWait: 15_000, timeout: 15_000 } as const;
