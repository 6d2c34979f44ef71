import "server-only";
import { db, type TDbOrTx } from "../db";

/** The device's current (not deactivated) activation on the license, if it has one (and, given a user, if it is theirs). */
export function findActiveSeat(licenseId: string, fingerprint: string, client: TDbOrTx = db, userId?: string) {
  return client.activation.findFirst({
    where: { licenseId, fingerprint, deactivatedAt: null, ...(userId ? { userId } : {}) },
    orderBy: { createdAt: "desc" },
  });
}
