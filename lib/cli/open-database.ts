// Opens the configured database for a command-line task, applies migrations, and installs the
// Prisma client that lib/db.ts will use, so CLI tasks share one connection (PGlite allows one).
import { openAdapter } from "../db/adapter";
import { applyMigrations } from "../db/migrate";
import { describeTarget, resolveDatabaseTarget } from "../db/target";

export async function openDatabase(options: { migrate?: boolean; log?: boolean } = {}) {
  const target = resolveDatabaseTarget();
  const opened = await openAdapter(target, { poolSize: 4 });
  if (options.migrate !== false) {
    const applied = await applyMigrations(opened.factory);
    if (options.log !== false) {
      console.log(`[seatwise] ${describeTarget(target)}: ${applied.length ? `applied ${applied.length} migration(s)` : "schema up to date"}`);
    }
  }
  const { createPrismaClient } = await import("../db/client");
  const client = createPrismaClient(opened.factory);
  (globalThis as { __seatwiseDb?: unknown }).__seatwiseDb = client;
  return {
    client,
    target,
    close: async () => {
      await client.$disconnect();
      await opened.close();
      delete (globalThis as { __seatwiseDb?: unknown }).__seatwiseDb;
    },
  };
}
