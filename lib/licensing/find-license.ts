import "server-only";
import { db, type TDbOrTx } from "../db";
import { normalizeLicenseKey, safeEqual } from "../crypto/tokens";

export const LICENSE_INCLUDE = {
  policy: { include: { product: true } },
  organization: true,
} as const;

/** A license found by one of its single-use token keys carries which one (see lib/rules/claim-token-key.ts). */
export async function findLicenseByKey(rawKey: string, client: TDbOrTx = db): Promise<(TLicenseWithPolicy & { tokenKeyId?: string }) | null> {
  const key = normalizeLicenseKey(rawKey);
  if (!key) return null;
  const license = await client.license.findUnique({ where: { key }, include: LICENSE_INCLUDE });
  // The index lookup is by value; the explicit comparison keeps the final check constant-time.
  if (license) return safeEqual(license.key, key) ? license : null;
  const token = await client.tokenKey.findUnique({ where: { key }, include: { license: { include: LICENSE_INCLUDE } } });
  return token && safeEqual(token.key, key) ? { ...token.license, tokenKeyId: token.id } : null;
}

export async function findLicenseById(id: string, client: TDbOrTx = db) {
  return client.license.findUnique({ where: { id }, include: LICENSE_INCLUDE });
}

export type TLicenseWithPolicy = NonNullable<Awaited<ReturnType<typeof findLicenseById>>>;
