import { PrismaPg } from "@prisma/adapter-pg";
import type { PGlite } from "@electric-sql/pglite";
import { PrismaPGlite } from "pglite-prisma-adapter";
import { expect, it } from "vitest";
import { db } from "../db";
import { applyMigrations } from "./migrate";

type TTestDatabase = { kind: "postgres"; url: string } | { kind: "pglite"; pglite: PGlite };

// A database migrated from another directory (or by a version that recorded absolute paths) must
// still count as migrated: records are keyed by the migration's folder name.
it("recognizes migrations recorded under an absolute path and applies nothing twice", async () => {
  const database = (globalThis as unknown as { __seatwiseTestDatabase: TTestDatabase }).__seatwiseTestDatabase;
  const factory = database.kind === "postgres" ? new PrismaPg({ connectionString: database.url, max: 2 }) : new PrismaPGlite(database.pglite);
  const names = async () => (await db.$queryRaw<{ n: string }[]>`SELECT "migration_name" AS n FROM "_prisma_migrations" ORDER BY 1`).map((r) => r.n);
  const before = await names();
  expect(before.length).toBeGreaterThan(0);
  expect(before.every((n) => !n.includes("/"))).toBe(true);

  await db.$executeRaw`UPDATE "_prisma_migrations" SET "migration_name" = '/opt/old-install/prisma/migrations/' || "migration_name"`;
  expect(await applyMigrations(factory)).toEqual([]);
  expect(await names()).toEqual(before);
});
