// Runs before each integration test file: gives the file its own migrated database and installs
// the Prisma client that lib/db.ts hands out, before any module under test is imported.
import { PrismaPGlite } from "pglite-prisma-adapter";
import { afterAll, inject } from "vitest";
import { postgresAdapter } from "../db/adapter";
import { createPrismaClient } from "../db/client";
import { createTestDatabase } from "./test-database";

Object.assign(process.env, inject("testDatabaseEnv"));
const kind = process.env.TEST_DB_KIND ?? "pglite";
const database = await createTestDatabase(kind);
const adapter =
  database.kind === "postgres" ? postgresAdapter({ connectionString: database.url, max: 20 }) : new PrismaPGlite(database.pglite);
const client = createPrismaClient(adapter);
const holder = globalThis as unknown as { __seatwiseDb?: unknown; __seatwiseTestDatabase?: unknown };
holder.__seatwiseDb = client;
holder.__seatwiseTestDatabase = database;
if (database.kind === "postgres") process.env.DATABASE_URL = database.url;

afterAll(async () => {
  await client.$disconnect();
  await database.close();
});

// Guard against the mistake this file exists to prevent: a test silently using ./data or DATABASE_URL.
const { db } = await import("../db");
if (db !== client) throw new Error("lib/db.ts was imported before the test database was installed");
