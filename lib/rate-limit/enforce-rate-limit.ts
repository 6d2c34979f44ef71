/**
 * Rate limits as the API uses them. Each function consumes from the shared store and either returns
 * the X-RateLimit-* headers to send, or throws ApiError RATE_LIMITED (429) with Retry-After.
 */
import "server-only";
import { hash } from "node:crypto";
import { LRUCache } from "lru-cache";
import { RateLimiterRes } from "rate-limiter-flexible";
import { ApiError } from "../api/errors";
import { normalizeLicenseKey } from "../crypto/tokens";
import { db } from "../db";
import { recordEvent } from "../events/record-event";
import { inMemoryBlockMs, limiterFor } from "./limiter-store";
import { limitFor, type TLimit, type TLimitName } from "./limits";

/** What a route declares with `apiRoute({ rateLimit })`. */
export type TRateLimitKind = "client" | "auth" | "admin-token" | "activation-form";

export type TRateHeaders = Record<string, string>;

type TOutcome = { limit: TLimit; res: RateLimiterRes };

function headersFor(limit: TLimit, res: RateLimiterRes): TRateHeaders {
  return {
    "X-RateLimit-Limit": String(limit.points),
    "X-RateLimit-Remaining": String(Math.max(0, res.remainingPoints)),
    "X-RateLimit-Reset": String(Math.ceil((Date.now() + Math.max(0, res.msBeforeNext)) / 1000)),
  };
}

export function rateLimitedError(limit: TLimit, msBeforeNext: number, what: string): ApiError {
  const retryAfter = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return new ApiError("RATE_LIMITED", `Too many ${what}. Try again in ${retryAfter} s.`, {
    details: { retryAfter },
    headers: {
      "Retry-After": String(retryAfter),
      "X-RateLimit-Limit": String(limit.points),
      "X-RateLimit-Remaining": "0",
      "X-RateLimit-Reset": String(Math.ceil((Date.now() + retryAfter * 1000) / 1000)),
    },
  });
}

/** Consumes one point of `name` for `key`; resolves with the outcome, or throws RATE_LIMITED. */
async function consume(name: TLimitName, key: string, what: string): Promise<TOutcome | null> {
  const limit = limitFor(name);
  if (!limit) return null;
  try {
    return { limit, res: await limiterFor(limit).consume(key) };
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) throw rateLimitedError(limit, rejection.msBeforeNext, what);
    throw rejection;
  }
}

/** The tightest of several outcomes decides the headers a client sees. */
function tightest(outcomes: (TOutcome | null)[]): TRateHeaders {
  const present = outcomes.filter((o): o is TOutcome => o !== null);
  if (present.length === 0) return {};
  const worst = present.reduce((a, b) => (b.res.remainingPoints / b.limit.points < a.res.remainingPoints / a.limit.points ? b : a));
  return headersFor(worst.limit, worst.res);
}

// Keys are stored as digests: the limiter table should not become a list of valid license keys.
// A client call asks for its key's digest twice (the in-memory check, then the counter): recent ones are kept.
export function keyId(key: string): string {
  return keyIds.memo(key);
}

const keyIds = new LRUCache<string, string>({ max: 5_000, memoMethod: (key) => hash("sha256", key, "base64url").slice(0, 22) });

function ipId(ip: string | null): string {
  return ip ?? "unknown";
}

/**
 * Admission check for a route. Client routes count per IP and per license key (both in parallel: one
 * round trip of latency), and refuse an IP that this instance has blocked for guessing keys.
 */
export async function enforceRateLimit(kind: TRateLimitKind, input: { ip: string | null; licenseKey?: unknown }): Promise<TRateHeaders> {
  const ip = ipId(input.ip);
  switch (kind) {
    case "client": {
      const guessing = limitFor("lookup-failures");
      if (guessing) {
        const blocked = inMemoryBlockMs(limiterFor(guessing), ip);
        if (blocked > 0) throw rateLimitedError(guessing, blocked, "failed license lookups from this address");
      }
      const key = typeof input.licenseKey === "string" && limitFor("client-key") ? normalizeLicenseKey(input.licenseKey) : null;
      const outcomes = await Promise.all([
        consume("client-ip", ip, "requests from this address"),
        key ? consume("client-key", keyId(key), "requests for this license key") : null,
      ]);
      return tightest(outcomes);
    }
    case "auth":
      return tightest([await consume("auth-ip", ip, "sign-in attempts from this address")]);
    case "admin-token":
      return tightest([
        await consume("auth-ip", ip, "sign-in attempts from this address"),
        await consume("admin-token", ip, "token requests from this address"),
      ]);
    case "activation-form":
      return tightest([await consume("activation-form", ip, "activation requests from this address")]);
  }
}

/**
 * True when this instance refuses the request from memory alone: its address is blocked for guessing
 * keys, or its address or key is over a client limit. apiRoute checks this before starting a route's
 * read-ahead, so a client hammering a blocked address or key still costs no database work at all.
 */
export function refusedInMemory(kind: TRateLimitKind, input: { ip: string | null; licenseKey?: unknown }): boolean {
  if (kind !== "client") return false;
  const ip = ipId(input.ip);
  const blocked = (name: TLimitName, id: string) => {
    const limit = limitFor(name);
    return limit !== null && inMemoryBlockMs(limiterFor(limit), id) > 0;
  };
  if (blocked("lookup-failures", ip) || blocked("client-ip", ip)) return true;
  // The key's digest is only worked out when its limit is on.
  const key = typeof input.licenseKey === "string" && limitFor("client-key") ? normalizeLicenseKey(input.licenseKey) : null;
  return key !== null && blocked("client-key", keyId(key));
}

/**
 * The forgot-password form: per IP (scanning for accounts) and per email (flooding one inbox). The
 * email is counted whether or not an account has it, so being refused reveals nothing either.
 */
export async function enforcePasswordResetLimits(input: { ip: string | null; email: string }): Promise<void> {
  await consume("password-reset-ip", ipId(input.ip), "password reset requests from this address");
  await consume("password-reset-email", keyId(`password-reset:${input.email.trim().toLowerCase()}`), "password reset requests for this email");
}

/**
 * A lookup with an unknown license key: counts toward the key-guessing limit of the IP.
 * The request that first crosses the limit records one Event per burst (the store's atomic counter
 * makes exactly one request see the crossing, even across instances).
 */
export async function recordLookupFailure(ipAddress: string | null, route: string): Promise<void> {
  const limit = limitFor("lookup-failures");
  if (!limit) return;
  const ip = ipId(ipAddress);
  try {
    await limiterFor(limit).consume(ip);
  } catch (rejection) {
    if (!(rejection instanceof RateLimiterRes)) throw rejection;
    if (rejection.consumedPoints === limit.points + 1) {
      await recordEvent(db, { actor: { type: "ANONYMOUS" }, ip: ipAddress }, {
        action: "security.key_guessing_blocked",
        data: { route, failures: rejection.consumedPoints, windowSeconds: limit.seconds, blockedForSeconds: Math.ceil(rejection.msBeforeNext / 1000) },
      });
    }
  }
}

/** True when a client-route answer says "no license has this key" (error or validation answer). */
export function isLookupFailure(outcome: { error?: unknown; result?: unknown }): boolean {
  if (outcome.error instanceof ApiError) return outcome.error.code === "LICENSE_NOT_FOUND";
  const r = outcome.result as { valid?: unknown; code?: unknown } | null | undefined;
  return typeof r === "object" && r !== null && r.valid === false && r.code === "NOT_FOUND";
}
