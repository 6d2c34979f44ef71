import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import { LRUCache } from "lru-cache";

const CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/** Crockford base32 of random bits: no I, L, O or U, so keys survive being read aloud and retyped. */
export function randomBase32(length: number): string {
  const bytes = randomBytes(length);
  let out = "";
  for (let i = 0; i < length; i++) out += CROCKFORD[bytes[i]! & 31];
  return out;
}

/** A license key: 6 groups of 5 Crockford characters = 150 random bits. */
export function generateLicenseKey(): string {
  return Array.from({ length: 6 }, () => randomBase32(5)).join("-");
}

/**
 * Canonical form of a typed key: case-insensitive, the confusable letters mapped the Crockford way,
 * separators re-grouped. Returns null for input that can't be a key, so lookups are skipped.
 */
export function normalizeLicenseKey(input: string): string | null {
  if (input.length > 64) return normalize(input); // can't be a key: not worth keeping
  return normalized.memo(input) || null;
}

// A client call normalizes its key several times (rate limit, lookup, cache): recent answers are kept.
// "" stands for "not a key" (the cache holds no nulls, and a key is never empty).
const normalized = new LRUCache<string, string>({ max: 5_000, memoMethod: (input) => normalize(input) ?? "" });

function normalize(input: string): string | null {
  const chars = input
    .toUpperCase()
    .replace(/[\s-]/g, "")
    .replace(/O/g, "0")
    .replace(/[IL]/g, "1");
  if (!/^[0-9A-HJKMNP-TV-Z]{30}$/.test(chars)) return null;
  return chars.match(/.{5}/g)!.join("-");
}

/** Bearer tokens carry a kind prefix so a leaked token is easy to recognise (and to scan for). */
export function generateToken(prefix: "sw_admin" | "sw_user" | "sw_link" | "sw_tok"): string {
  return `${prefix}_${randomBytes(32).toString("base64url")}`;
}

/** Tokens have 256 random bits, so a plain SHA-256 digest is enough to store them safely. */
export function digestToken(token: string): string {
  return createHash("sha256").update(token).digest("hex");
}

export function safeEqual(a: string, b: string): boolean {
  const ab = Buffer.from(a);
  const bb = Buffer.from(b);
  return ab.length === bb.length && timingSafeEqual(ab, bb);
}
