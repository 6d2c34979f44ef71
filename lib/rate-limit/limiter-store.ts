/**
 * Where rate-limit counters live. They must be shared by every app instance, so they sit in the
 * database (the RateLimiterFlexible table, PGlite or PostgreSQL) or in Redis when REDIS_URL is set.
 * One store round trip per consume: an atomic INSERT … ON CONFLICT on the database (shared by all
 * counters consumed in the same event-loop turn), INCR on Redis.
 * Once a key is over its limit the instance blocks it in memory until the window ends, so a client
 * hammering a blocked key costs no store traffic at all.
 */
import "server-only";
import { Redis } from "ioredis";
import { RateLimiterMemory, RateLimiterPrisma, RateLimiterRedis, type RateLimiterStoreAbstract } from "rate-limiter-flexible";
import { db } from "../db";
import { upsertCounter, type TCounterRow } from "./batch-upserts";
import type { TLimit } from "./limits";

/**
 * rate-limiter-flexible's Prisma store resets expired windows with a delete followed by an upsert:
 * two round trips. This one does both in a single statement, atomic under concurrency, and shares
 * that statement with every other counter consumed in the same event-loop turn (upsertCounter).
 */
class RateLimiterPrismaAtomic extends RateLimiterPrisma {
  _upsert(key: string, points: number, msDuration: number, forceExpire = false): Promise<TCounterRow> {
    const now = new Date();
    const expire = msDuration > 0 ? new Date(now.getTime() + msDuration) : null;
    if (!forceExpire) return upsertCounter(key, points, expire);
    return db
      .$queryRaw<TCounterRow[]>`
        INSERT INTO "RateLimiterFlexible" ("key", "points", "expire") VALUES (${key}, ${points}, ${expire}::timestamp)
        ON CONFLICT ("key") DO UPDATE SET "points" = EXCLUDED."points", "expire" = EXCLUDED."expire"
        RETURNING "points", "expire"`
      .then((rows) => rows[0]!);
  }
}

type THolder = { __seatwiseLimiters?: Map<string, RateLimiterStoreAbstract>; __seatwiseRedis?: Redis };
const holder = globalThis as unknown as THolder;

function redis(): Redis {
  // Short timeouts: when Redis is down a consume fails fast and the in-memory insurance limiter answers.
  return (holder.__seatwiseRedis ??= new Redis(process.env.REDIS_URL!, { maxRetriesPerRequest: 1, commandTimeout: 1000, connectTimeout: 2000 }));
}

export function storeKind(): "redis" | "database" {
  return process.env.REDIS_URL ? "redis" : "database";
}

/** The limiter for one limit at its current setting (a changed setting gets a fresh limiter). */
export function limiterFor(limit: TLimit): RateLimiterStoreAbstract {
  const limiters = (holder.__seatwiseLimiters ??= new Map());
  const id = `${storeKind()}:${limit.name}:${limit.points}/${limit.seconds}`;
  let limiter = limiters.get(id);
  if (!limiter) {
    const options = {
      keyPrefix: `sw:${limit.name}`,
      points: limit.points,
      duration: limit.seconds,
      inMemoryBlockOnConsumed: limit.points + 1,
      // If the store fails, limit per instance rather than refuse or wave everyone through.
      insuranceLimiter: new RateLimiterMemory({ keyPrefix: `sw-mem:${limit.name}`, points: limit.points, duration: limit.seconds }),
    };
    limiter =
      storeKind() === "redis"
        ? new RateLimiterRedis({ ...options, storeClient: redis() })
        : new RateLimiterPrismaAtomic({ ...options, storeClient: db, tableName: "rateLimiterFlexible" });
    limiters.set(id, limiter);
  }
  return limiter;
}

/** Milliseconds this instance still blocks `key` in memory (0 when not blocked): no store access. */
export function inMemoryBlockMs(limiter: RateLimiterStoreAbstract, key: string): number {
  const l = limiter as unknown as { getInMemoryBlockMsBeforeExpire(k: string): number; getKey(k: string): string };
  return l.getInMemoryBlockMsBeforeExpire(l.getKey(key));
}

/** Tests only: forget in-memory blocks so one test's burst doesn't leak into the next. */
export function resetInMemoryBlocks() {
  for (const limiter of holder.__seatwiseLimiters?.values() ?? []) limiter.deleteInMemoryBlockedAll();
}
