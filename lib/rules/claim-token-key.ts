import "server-only";
import { ApiError } from "../api/errors";
import type { TTx } from "../db";

export type TUsedTokenKey = { id: string };

/**
 * A token key activates exactly one device, ever. Called under the license row lock (every activation
 * of the license queues on it), so of many fingerprints racing with one fresh token key exactly one wins.
 * The conditional update is the second line of defence should a caller ever skip the lock.
 */
export async function assertTokenKeyFree(tx: TTx, tokenKeyId: string, fingerprint: string): Promise<void> {
  const row = await tx.tokenKey.findUnique({ where: { id: tokenKeyId }, select: { fingerprint: true } });
  if (row?.fingerprint && row.fingerprint !== fingerprint) {
    throw new ApiError("TOKEN_ALREADY_USED", "This token key has already activated another device");
  }
}

export async function claimTokenKey(tx: TTx, tokenKeyId: string, fingerprint: string, activationId: string, now: Date): Promise<void> {
  const { count } = await tx.tokenKey.updateMany({
    where: { id: tokenKeyId, OR: [{ fingerprint: null }, { fingerprint }] },
    data: { fingerprint, activationId, usedAt: now },
  });
  if (count === 0) throw new ApiError("TOKEN_ALREADY_USED", "This token key has already activated another device");
}
