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
