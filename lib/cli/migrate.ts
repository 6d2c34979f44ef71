// npm run db:migrate            apply pending migrations to DATABASE_URL (or the embedded database)
import path from "node:path";
// npm run db:migration -- name  write prisma/migrations/<timestamp>_<name> from schema changes
import { openAdapter } from "../db/adapter";
import { applyMigrations, createMigration } from "../db/migrate";
import { describeTarget, resolveDatabaseTarget } from "../db/target";

const [command, name] = process.argv.slice(2);
const target = resolveDatabaseTarget();
const opened = await openAdapter(target, { poolSize: 2 });
try {
  if (command === "new") {
    if (!name) throw new Error("usage: npm run db:migration -- <name>");
    // Diffing runs against the migration files, not the database, so no shadow database is needed.
    const dir = await createMigration(opened.factory, name);
    console.log(dir ? `Wrote ${dir}/migration.sql` : "No schema changes: no migration written.");
  } else {
    const applied = await applyMigrations(opened.factory);
    console.log(`${describeTarget(target)}: ${applied.length ? `applied ${applied.map((p) => path.basename(p)).join(", ")}` : "up to date"}`);
  }
} finally {
  await opened.close();
}
