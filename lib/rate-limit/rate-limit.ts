import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { ApiError } from "../api/errors";
import { db } from "../db";

export type TRateLimit = { points: number; durationSeconds: number };

export type TRateLimitState = { limit: number; remaining: number; resetSeconds: number };

/**
 * `SEATWISE_RATE_LIMIT_<NAME>="<points>/<seconds>"` overrides a limit (e.g. "30/300": 30 requests per
 * 5 minutes); "off" disables it. Anything unparsable falls back to the default, loudly.
 */
export function rateLimitFromEnv(name: string, fallback: TRateLimit, env: Record<string, string | undefined> = process.env): TRateLimit | null {
  const variable = `SEATWISE_RATE_LIMIT_${name.toUpperCase().replace(/[^A-Z0-9]+/g, "_")}`;
  const raw = env[variable]?.trim();
  if (!raw) return fallback;
  if (raw.toLowerCase() === "off") return null;
  const match = /^(\d+)\s*\/\s*(\d+)$/.exec(raw);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
    console.warn(`[rate-limit] ${variable}="${raw}" is not "<points>/<seconds>"; using ${fallback.points}/${fallback.durationSeconds}`);
    return fallback;
  }
  return { points: Number(match[1]), durationSeconds: Number(match[2]) };
}

export function rateLimitHeaders(state: TRateLimitState): Record<string, string> {
  return {
    "X-RateLimit-Limit": String(state.limit),
    "X-RateLimit-Remaining": String(state.remaining),
    "X-RateLimit-Reset": String(state.resetSeconds),
  };
}

/**
 * A fixed-window limiter shared by all app instances: counters live in the RateLimiterFlexible table
 * (rate-limiter-flexible's Prisma store), keyed by `<name>:<key>`. `consume` throws RATE_LIMITED
 * (429, Retry-After and X-RateLimit-* headers) once the window's points are used up.
 */
export function createRateLimiter(name: string, fallback: TRateLimit) {
  let limiter: RateLimiterPrisma | null = null;
  let limit: TRateLimit | null | undefined;

  function get() {
    if (limit === undefined) limit = rateLimitFromEnv(name, fallback);
    if (limit && !limiter) {
      limiter = new RateLimiterPrisma({
        storeClient: db,
        tableName: "rateLimiterFlexible",
        keyPrefix: name,
        points: limit.points,
        duration: limit.durationSeconds,
      });
    }
    return limit ? { limiter: limiter!, limit } : null;
  }

  return {
    name,
    async consume(key: string): Promise<TRateLimitState | null> {
      const active = get();
      if (!active) return null;
      try {
        const res = await active.limiter.consume(key);
        return { limit: active.limit.points, remaining: res.remainingPoints, resetSeconds: Math.ceil(res.msBeforeNext / 1000) };
      } catch (error) {
        if (!(error instanceof RateLimiterRes)) throw error;
        const retryAfter = Math.max(1, Math.ceil(error.msBeforeNext / 1000));
        throw new ApiError("RATE_LIMITED", `Too many attempts. Try again in ${describeWait(retryAfter)}.`, {
          details: { retryAfter },
          headers: { "Retry-After": String(retryAfter), ...rateLimitHeaders({ limit: active.limit.points, remaining: 0, resetSeconds: retryAfter }) },
        });
      }
    },
  };
}

function describeWait(seconds: number): string {
  if (seconds < 90) return `${seconds} second${seconds === 1 ? "" : "s"}`;
  return `${Math.ceil(seconds / 60)} minutes`;
}
