import "server-only";
import { db, type TDbOrTx } from "../db";
import { LEASE_EXPIRED_BY } from "./lease-rules";

/** The device's current (not deactivated) activation on the license, if it has one. */
export function findActiveSeat(licenseId: string, fingerprint: string, client: TDbOrTx = db) {
  return client.activation.findFirst({
    where: { licenseId, fingerprint, deactivatedAt: null },
    orderBy: { createdAt: "desc" },
  });
}

/**
 * The device's active seat, or else its latest row when that row ended because its lease ran out.
 * Lets validate and heartbeat answer the same for an expired lease whether or not the reclaim job
 * has already marked it released (a release by the user or staff is not an expiry).
 */
export async function findSeatOrExpiredLease(licenseId: string, fingerprint: string, client: TDbOrTx = db) {
  const active = await findActiveSeat(licenseId, fingerprint, client);
  if (active) return active;
  const latest = await client.activation.findFirst({
    where: { licenseId, fingerprint },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return latest?.deactivatedBy === LEASE_EXPIRED_BY ? latest : null;
}
