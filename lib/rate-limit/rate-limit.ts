import "server-only";
import { RateLimiterPrisma, RateLimiterRes } from "rate-limiter-flexible";
import { ApiError } from "../api/errors";
import { db } from "../db";
import { rateLimitFromEnv, rateLimitHeaders, type TRateLimit, type TRateLimitState } from "./rate-limit-config";

export { rateLimitFromEnv, rateLimitHeaders, type TRateLimit, type TRateLimitState };

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
