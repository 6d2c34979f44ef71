import "server-only";
import { db, type TDbOrTx } from "../db";
import { LEASE_EXPIRED_BY } from "./lease-rules";

/** The device's current (not deactivated) activation on the license, if it has one (and, given a user, if it is theirs). */
export function findActiveSeat(licenseId: string, fingerprint: string, client: TDbOrTx = db, userId?: string) {
  return client.activation.findFirst({
    where: { licenseId, fingerprint, deactivatedAt: null, ...(userId ? { userId } : {}) },
    orderBy: { createdAt: "desc" },
  });
}

/**
 * The device's active seat, or else its latest row when that row ended because its lease ran out.
 * Lets validate and heartbeat answer the same for an expired lease whether or not the reclaim job
 * has already marked it released (a release by the user or staff is not an expiry).
 */
export async function findSeatOrExpiredLease(licenseId: string, fingerprint: string, client: TDbOrTx = db, userId?: string) {
  const active = await findActiveSeat(licenseId, fingerprint, client, userId);
  if (active) return active;
  const latest = await client.activation.findFirst({
    where: { licenseId, fingerprint, ...(userId ? { userId } : {}) },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return latest?.deactivatedBy === LEASE_EXPIRED_BY ? latest : null;
}
