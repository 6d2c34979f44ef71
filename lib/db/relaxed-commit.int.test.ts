// The heartbeat's statements read `relaxedCommit`; what matters is that it turns off the flush for that
// statement's transaction only, so a pooled connection never carries it over to an activation's commit.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { db } from "../db";
import type { TTestDatabase } from "../test/test-database";
import { relaxedCommit } from "./relaxed-commit";

const database = (globalThis as unknown as { __seatwiseTestDatabase: TTestDatabase }).__seatwiseTestDatabase;

/** Runs queries one after another on one connection, each in its own implicit transaction. */
async function onOneConnection<T>(run: (query: (sql: string) => Promise<Record<string, unknown>[]>) => Promise<T>): Promise<T> {
  if (database.kind === "pglite") return run(async (sql) => (await database.pglite.query<Record<string, unknown>>(sql)).rows);
  const client = new pg.Client({ connectionString: database.url });
  await client.connect();
  try {
    return await run(async (sql) => (await client.query(sql)).rows);
  } finally {
    await client.end();
  }
}

describe("relaxedCommit", () => {
  it("turns synchronous_commit off for the rest of the statement's transaction", async () => {
    const seen = await db.$transaction(async (tx) => {
      const before = await tx.$queryRaw<{ synchronous_commit: string }[]>`SHOW synchronous_commit`;
      const [row] = await tx.$queryRaw<{ synchronousCommit: string }[]>`SELECT * FROM ${relaxedCommit} relaxed`;
      const after = await tx.$queryRaw<{ synchronous_commit: string }[]>`SHOW synchronous_commit`;
      return { before: before[0]!.synchronous_commit, returned: row!.synchronousCommit, after: after[0]!.synchronous_commit };
    });
    expect(seen).toEqual({ before: "on", returned: "off", after: "off" });
  });

  it("ends with that transaction: the connection's next statement commits as usual", async () => {
    const settings = await onOneConnection(async (query) => {
      await query(`SELECT * FROM ${relaxedCommit.sql} relaxed`);
      return (await query("SHOW synchronous_commit"))[0];
    });
    expect(settings).toEqual({ synchronous_commit: "on" });
  });
});
