import "server-only";
import { normalizeLicenseKey, safeEqual } from "../crypto/tokens";
import { db } from "../db";
import { findLicenseById, findLicenseByKey, type TLicenseWithPolicy } from "./find-license";
import { cachedLicense, licenseDigestSql, rememberLicense } from "./license-cache";

/** The cached license when its digest still matches, else read again (and cached). */
export async function licenseFor(key: string, licenseId: string, digest: string): Promise<TLicenseWithPolicy | null> {
  const cached = cachedLicense(key, digest);
  if (cached) return cached;
  const license = await findLicenseById(licenseId);
  if (!license || !safeEqual(license.key, key)) return null;
  rememberLicense(key, digest, license);
  return license;
}

/**
 * findLicenseByKey through the license cache: one small query (the digest) when the license is
 * cached and unchanged, two when not. Token keys are not cached and take findLicenseByKey's path.
 */
export async function findCachedLicenseByKey(rawKey: string): Promise<(TLicenseWithPolicy & { tokenKeyId?: string }) | null> {
  const key = normalizeLicenseKey(rawKey);
  if (!key) return null;
  const rows = await db.$queryRaw<{ id: string; digest: string }[]>`${licenseDigestSql(key)}`;
  const row = rows[0];
  return row ? licenseFor(key, row.id, row.digest) : findLicenseByKey(key);
}
