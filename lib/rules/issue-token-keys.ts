import "server-only";
import { ApiError } from "../api/errors";
import { generateLicenseKey } from "../crypto/tokens";
import { db, TX_OPTIONS } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import { seatLimit } from "../licensing/license-rules";

export type TTokenKeyDto = {
  id: string;
  key: string;
  fingerprint: string | null;
  activationId: string | null;
  usedAt: string | null;
  createdAt: string;
};

type TTokenKeyRow = { id: string; key: string; fingerprint: string | null; activationId: string | null; usedAt: Date | null; createdAt: Date };

export function serializeTokenKey(row: TTokenKeyRow): TTokenKeyDto {
  return {
    id: row.id,
    key: row.key,
    fingerprint: row.fingerprint,
    activationId: row.activationId,
    usedAt: row.usedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}

export async function listTokenKeys(licenseId: string): Promise<TTokenKeyDto[]> {
  const rows = await db.tokenKey.findMany({ where: { licenseId }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(serializeTokenKey);
}

/**
 * Tops the license up to one token key per seat and returns all of them. Idempotent: calling it again
 * creates only the keys a raised seat count allows (keys are never deleted, so lowering seats issues none).
 * Runs under the license row lock, so two clicks at once never issue more than N keys.
 */
export async function issueTokenKeys(licenseId: string, ctx: TContext) {
  const now = ctx.now ?? new Date();
  const created = await db.$transaction(async (tx) => {
    const locked = await tx.$queryRaw<{ id: string }[]>`SELECT "id" FROM "License" WHERE "id" = ${licenseId} FOR UPDATE`;
    if (locked.length === 0) throw new ApiError("LICENSE_NOT_FOUND", "License not found");
    const license = await tx.license.findUniqueOrThrow({ where: { id: licenseId }, include: { policy: true } });
    const existing = await tx.tokenKey.count({ where: { licenseId } });
    const missing = Math.max(0, seatLimit(license) - existing);
    if (missing === 0) return 0;
    await tx.tokenKey.createMany({
      data: Array.from({ length: missing }, (_, i) => ({ licenseId, key: generateLicenseKey(), createdAt: new Date(now.getTime() + i) })),
    });
    await recordEvent(tx, { ...ctx, now }, {
      action: "license.token_keys_issued",
      licenseId,
      organizationId: license.organizationId,
      data: { issued: missing, total: existing + missing },
    });
    return missing;
  }, TX_OPTIONS);
  return { issued: created, tokenKeys: await listTokenKeys(licenseId) };
}
