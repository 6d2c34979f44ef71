import "server-only";
import { LRUCache } from "lru-cache";
import { Prisma } from "../generated/prisma/client";
import type { TLicenseWithPolicy } from "./find-license";

/**
 * Licenses (with policy, product and organization) as this instance last read them, by license key,
 * each labelled with the digest of the four rows it was read from. The client API's hot statements
 * return the current digest beside their real work (see licenseDigestSql), and an entry is used only
 * when the two digests match. So the cache can never answer with a license that changed, whoever
 * changed it and on whichever instance, and it needs no invalidation: it only saves re-reading and
 * re-mapping an unchanged license on every validate and heartbeat.
 */
export type TCacheEntry = { digest: string; license: TLicenseWithPolicy; hasActivationPassword: boolean };

// About 2.4 KB per entry (measured): the default 10,000 licenses is ~24 MB per instance. A miss costs
// one extra query; size it to the licenses that check in within a few minutes.
const MAX_ENTRIES = Math.max(1, Number(process.env.SEATWISE_LICENSE_CACHE_SIZE) || 10_000);

const holder = globalThis as unknown as { __seatwiseLicenseCache?: LRUCache<string, TCacheEntry> };
const cache = (holder.__seatwiseLicenseCache ??= new LRUCache<string, TCacheEntry>({ max: MAX_ENTRIES }));

/**
 * A CTE body selecting the license with this (normalized) key: its id, the digest of its rows, and
 * whether it has an activation password (the hash itself stays out of license reads).
 * md5 here is a change detector, not a security measure; the row text includes every column.
 */
export function licenseDigestSql(key: string | Prisma.Sql): Prisma.Sql {
  return Prisma.sql`SELECT l."id", md5(l::text || p::text || pr::text || coalesce(o::text, '')) AS "digest",
      (l."activationPasswordHash" IS NOT NULL) AS "hasActivationPassword"
    FROM "License" l
    JOIN "Policy" p ON p."id" = l."policyId"
    JOIN "Product" pr ON pr."id" = p."productId"
    LEFT JOIN "Organization" o ON o."id" = l."organizationId"
    WHERE l."key" = ${key}`;
}

const stats = { hits: 0, misses: 0 };

/** The cached license for `key` when it was read from rows with this digest. */
export function cachedLicense(key: string, digest: string): TLicenseWithPolicy | null {
  const entry = cache.get(key);
  const hit = entry && entry.digest === digest ? entry.license : null;
  if (hit) stats.hits++;
  else stats.misses++;
  return hit;
}

/** Hits and misses since start (the heartbeat's one-statement path counts as a hit when it applies). */
export function licenseCacheStats(): { hits: number; misses: number; size: number } {
  return { ...stats, size: cache.size };
}

export function countCacheHit(): void {
  stats.hits++;
}

/** Whatever is cached for `key`, unchecked: only for statements that check the digest themselves. */
export function peekLicense(key: string): TCacheEntry | undefined {
  return cache.peek(key);
}

/**
 * `license` must have been read after the statement that returned `digest`: then it is at least as
 * new as the digest, and a newer one is simply re-read on next use (its label no longer matches).
 * `hasActivationPassword` comes from that same statement; the digest covers the hash, so it holds
 * exactly as long as the entry does.
 */
export function rememberLicense(key: string, digest: string, license: TLicenseWithPolicy, hasActivationPassword: boolean): void {
  cache.set(key, { digest, license, hasActivationPassword });
}

/** Tests only. */
export function clearLicenseCache(): void {
  cache.clear();
}
