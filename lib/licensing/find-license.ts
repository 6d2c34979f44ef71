import "server-only";
import { db, type TDbOrTx } from "../db";
import { normalizeLicenseKey, safeEqual } from "../crypto/tokens";

export const LICENSE_INCLUDE = {
  policy: { include: { product: true } },
  organization: true,
} as const;

export async function findLicenseByKey(rawKey: string, client: TDbOrTx = db) {
  const key = normalizeLicenseKey(rawKey);
  if (!key) return null;
  const license = await client.license.findUnique({ where: { key }, include: LICENSE_INCLUDE });
  // The index lookup is by value; the explicit comparison keeps the final check constant-time.
  return license && safeEqual(license.key, key) ? license : null;
}

export async function findLicenseById(id: string, client: TDbOrTx = db) {
  return client.license.findUnique({ where: { id }, include: LICENSE_INCLUDE });
}

export type TLicenseWithPolicy = NonNullable<Awaited<ReturnType<typeof findLicenseById>>>;
