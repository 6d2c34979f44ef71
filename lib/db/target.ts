import path from "node:path";

export type TDatabaseTarget =
  | { kind: "pglite"; dataDir: string }
  | { kind: "postgres"; url: string };

/** The data directory holds the embedded database and any generated secrets. */
export function dataDirectory(env: NodeJS.ProcessEnv = process.env): string {
  // The ignore comment keeps Next.js from tracing the whole project for this runtime path.
  return path.resolve(/* turbopackIgnore: true */ process.cwd(), env.SEATWISE_DATA_DIR || "data");
}

/**
 * DATABASE_URL picks the database: a postgres:// URL means a PostgreSQL server, no URL means the
 * embedded PGlite database under the data directory. Anything else is a configuration mistake
 * that should stop the app with one clear message rather than a driver stack trace.
 */
export function resolveDatabaseTarget(env: NodeJS.ProcessEnv = process.env): TDatabaseTarget {
  const url = env.DATABASE_URL?.trim();
  if (!url) return { kind: "pglite", dataDir: path.join(dataDirectory(env), "pglite") };
  if (/^postgres(ql)?:\/\//.test(url)) return { kind: "postgres", url };
  if (url.startsWith("pglite:")) return { kind: "pglite", dataDir: url.slice("pglite:".length) || "memory://" };
  throw new Error(
    `DATABASE_URL must be a postgres:// or postgresql:// URL (or unset for the embedded database); got "${url.split(":")[0]}:…"`,
  );
}

export function describeTarget(target: TDatabaseTarget): string {
  if (target.kind === "pglite") return `embedded PGlite at ${target.dataDir}`;
  const u = new URL(target.url);
  return `PostgreSQL at ${u.hostname}:${u.port || 5432}${u.pathname}`;
}
