import "server-only";
import { normalizeLicenseKey, safeEqual } from "../crypto/tokens";
import { db } from "../db";
import { batcher } from "../db/batcher";
import { Prisma } from "../generated/prisma/client";
import { findLicenseById, findLicenseByKey, type TLicenseWithPolicy } from "./find-license";
import { cachedLicense, licenseDigestSql, peekLicense, rememberLicense, type TCacheEntry } from "./license-cache";
import { licenseProblem } from "./license-rules";

/** The cached license when its digest still matches, else read again (and cached). */
export async function licenseFor(key: string, row: TDigestRow): Promise<TLicenseWithPolicy | null> {
  const cached = cachedLicense(key, row.digest);
  if (cached) return cached;
  const license = await findLicenseById(row.id);
  if (!license || !safeEqual(license.key, key)) return null;
  rememberLicense(key, row.digest, license, row.hasActivationPassword);
  return license;
}

/**
 * findLicenseByKey through the license cache: one small query (the digest) when the license is
 * cached and unchanged, two when not. Token keys are not cached and take findLicenseByKey's path.
 * The digest reads of one event-loop turn (concurrent activations) share one statement.
 */
export async function findCachedLicenseByKey(rawKey: string): Promise<TFoundLicense | null> {
  const key = normalizeLicenseKey(rawKey);
  if (!key) return null;
  const row = await digestBatched(key);
  if (!row) {
    const byTokenKey = await findLicenseByKey(key);
    return byTokenKey && { license: byTokenKey };
  }
  const license = await licenseFor(key, row);
  return license && { license, hasActivationPassword: row.hasActivationPassword };
}

export type TDigestRow = { id: string; digest: string; hasActivationPassword: boolean };

const digestBatched = batcher(async (keys: string[]): Promise<(TDigestRow | null)[]> => {
  const rows = await db.$queryRaw<(TDigestRow & { i: bigint | number })[]>`
    SELECT input."i", d.* FROM unnest(${keys}::text[]) WITH ORDINALITY AS input("key", "i")
    JOIN LATERAL (${licenseDigestSql(Prisma.sql`input."key"`)}) d ON true`;
  const byIndex = new Map(rows.map(({ i, ...row }) => [Number(i), row]));
  return keys.map((_, i) => byIndex.get(i + 1) ?? null);
});

/**
 * The cached entry for a key, unchecked, when the copy is in good standing at `now`: for the
 * one-statement paths, whose statement checks the digest itself. A copy that looks suspended or
 * expired is never acted on unchecked (it may have been renewed since): null, read it again.
 */
export function peekLicenseInGoodStanding(rawKey: string, now: Date): { key: string; entry: TCacheEntry } | null {
  const key = normalizeLicenseKey(rawKey);
  const entry = key ? peekLicense(key) : undefined;
  return key && entry && !licenseProblem(entry.license, now) ? { key, entry } : null;
}

/** hasActivationPassword: known from the lookup itself (undefined when the path didn't read it). */
export type TFoundLicense = { license: TLicenseWithPolicy & { tokenKeyId?: string }; hasActivationPassword?: boolean };
