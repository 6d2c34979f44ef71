import "server-only";
import { db } from "../db";
import { batcher } from "../db/batcher";

export type TCounterRow = { points: number; expire: Date | null };

type TUpsert = { key: string; points: number; expire: Date | null };

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
export const upsertCounter = (key: string, points: number, expire: Date | null): Promise<TCounterRow> =>
  upsertBatched({ key, points, expire });

const upsertBatched = batcher(async (calls: TUpsert[]): Promise<TCounterRow[]> => {
  const byKey = new Map<string, { points: number; expire: Date | null }>();
  for (const call of calls) {
    const row = byKey.get(call.key);
    if (row) row.points += call.points;
    else byKey.set(call.key, { points: call.points, expire: call.expire });
  }
  const keys = [...byKey.keys()].sort();
  // Instants travel as ISO strings and are stored as UTC wall-clock time (the column is `timestamp`,
  // as Prisma writes DateTime), independent of the session's time zone.
  const points = keys.map((k) => byKey.get(k)!.points);
  const expires = keys.map((k) => byKey.get(k)!.expire?.toISOString() ?? null);
  const now = new Date().toISOString();
  const rows = await db.$queryRaw<(TCounterRow & { key: string })[]>`
    INSERT INTO "RateLimiterFlexible" AS r ("key", "points", "expire")
    SELECT k, p, (e::timestamptz AT TIME ZONE 'UTC') FROM unnest(${keys}::text[], ${points}::int[], ${expires}::text[]) AS u(k, p, e)
    ON CONFLICT ("key") DO UPDATE SET
      "points" = CASE WHEN r."expire" IS NOT NULL AND r."expire" <= (${now}::timestamptz AT TIME ZONE 'UTC') THEN EXCLUDED."points" ELSE r."points" + EXCLUDED."points" END,
      "expire" = CASE WHEN r."expire" IS NOT NULL AND r."expire" <= (${now}::timestamptz AT TIME ZONE 'UTC') THEN EXCLUDED."expire" ELSE r."expire" END
    RETURNING "key", "points", "expire"`;
  const written = new Map(rows.map((row) => [row.key, row]));
  // Each caller sees the row's count before this batch plus the points of the callers before it.
  const seen = new Map(keys.map((k) => [k, (written.get(k)?.points ?? NaN) - byKey.get(k)!.points]));
  return calls.map((call) => {
    const row = written.get(call.key);
    if (!row) throw new Error("rate-limit counter was not written");
    const points = seen.get(call.key)! + call.points;
    seen.set(call.key, points);
    return { points, expire: row.expire };
  });
});
