import "server-only";
import { db, type TDbOrTx } from "../db";

/** The device's current (not deactivated) activation on the license, if it has one. */
export function findActiveSeat(licenseId: string, fingerprint: string, client: TDbOrTx = db) {
  return client.activation.findFirst({
    where: { licenseId, fingerprint, deactivatedAt: null },
    orderBy: { createdAt: "desc" },
  });
}
