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
export async function findCachedLicenseByKey(rawKey: string): Promise<TFoundLicense | null> {
  const key = normalizeLicenseKey(rawKey);
  if (!key) return null;
  const rows = await db.$queryRaw<{ id: string; digest: string; hasActivationPassword: boolean }[]>`${licenseDigestSql(key)}`;
  const row = rows[0];
  if (!row) {
    const byTokenKey = await findLicenseByKey(key);
    return byTokenKey && { license: byTokenKey };
  }
  const license = await licenseFor(key, row.id, row.digest);
  return license && { license, hasActivationPassword: row.hasActivationPassword };
}

/** hasActivationPassword: known from the lookup itself (undefined when the path didn't read it). */
export type TFoundLicense = { license: TLicenseWithPolicy & { tokenKeyId?: string }; hasActivationPassword?: boolean };
