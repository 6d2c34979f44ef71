import "server-only";
import { db } from "../db";

export type TCounterRow = { points: number; expire: Date | null };

type TWaiter = { key: string; points: number; expire: Date | null; resolve: (row: TCounterRow) => void; reject: (error: unknown) => void };

let queue: TWaiter[] = [];
let scheduled = false;

/**
 * Adds `points` to the counter `key` (starting a new window when the stored one has ended) and
 * resolves with the counter as this call left it, like one atomic upsert would. Calls made in the
 * same turn of the event loop, by any limiter and any request, share one statement: a client request
 * consumes two limits (per IP and per key), and under load dozens of requests arrive together, so
 * this turns 2 × N round trips into one.
 *
 * Calls for the same key within a batch are summed into one row (a statement can't update a row
 * twice), and each caller gets the count it would have seen had the calls run one after another.
 * Rows are written in key order, so concurrent batches on several instances can't deadlock.
 */
export function upsertCounter(key: string, points: number, expire: Date | null): Promise<TCounterRow> {
  return new Promise((resolve, reject) => {
    queue.push({ key, points, expire, resolve, reject });
    if (!scheduled) {
      scheduled = true;
      setImmediate(flush);
    }
  });
}

async function flush(): Promise<void> {
  const batch = queue;
  queue = [];
  scheduled = false;
  const byKey = new Map<string, { points: number; expire: Date | null; waiters: TWaiter[] }>();
  for (const waiter of batch) {
    const row = byKey.get(waiter.key);
    if (row) {
      row.points += waiter.points;
      row.waiters.push(waiter);
    } else {
      byKey.set(waiter.key, { points: waiter.points, expire: waiter.expire, waiters: [waiter] });
    }
  }
  const keys = [...byKey.keys()].sort();
  // Instants travel as ISO strings and are stored as UTC wall-clock time (the column is `timestamp`,
  // as Prisma writes DateTime), independent of the session's time zone.
  const points = keys.map((k) => byKey.get(k)!.points);
  const expires = keys.map((k) => byKey.get(k)!.expire?.toISOString() ?? null);
  const now = new Date().toISOString();
  try {
    const rows = await db.$queryRaw<(TCounterRow & { key: string })[]>`
      INSERT INTO "RateLimiterFlexible" AS r ("key", "points", "expire")
      SELECT k, p, (e::timestamptz AT TIME ZONE 'UTC') FROM unnest(${keys}::text[], ${points}::int[], ${expires}::text[]) AS u(k, p, e)
      ON CONFLICT ("key") DO UPDATE SET
        "points" = CASE WHEN r."expire" IS NOT NULL AND r."expire" <= (${now}::timestamptz AT TIME ZONE 'UTC') THEN EXCLUDED."points" ELSE r."points" + EXCLUDED."points" END,
        "expire" = CASE WHEN r."expire" IS NOT NULL AND r."expire" <= (${now}::timestamptz AT TIME ZONE 'UTC') THEN EXCLUDED."expire" ELSE r."expire" END
      RETURNING "key", "points", "expire"`;
    for (const row of rows) {
      const entry = byKey.get(row.key)!;
      let seen = row.points - entry.points;
      for (const waiter of entry.waiters) {
        seen += waiter.points;
        waiter.resolve({ points: seen, expire: row.expire });
      }
      byKey.delete(row.key);
    }
    for (const entry of byKey.values()) for (const waiter of entry.waiters) waiter.reject(new Error("rate-limit counter was not written"));
  } catch (error) {
    for (const waiter of batch) waiter.reject(error);
  }
}
