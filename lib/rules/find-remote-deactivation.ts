import "server-only";
import { db, type TDbOrTx } from "../db";

/** Who may take a seat away from a device: vendor staff, admin tokens and portal users. */
const REMOTE_ACTORS = ["STAFF", "API_TOKEN", "USER"];

/**
 * The device's latest seat when someone other than the device freed it (console, admin API or portal)
 * and the device has not activated again since: validate and heartbeat then answer DEACTIVATED so the
 * app can lock itself, rather than the vaguer NOT_ACTIVATED.
 */
export async function findRemoteDeactivation(licenseId: string, fingerprint: string, client: TDbOrTx = db) {
  const latest = await client.activation.findFirst({
    where: { licenseId, fingerprint },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
  });
  return latest?.deactivatedAt && latest.deactivatedBy && REMOTE_ACTORS.includes(latest.deactivatedBy) ? latest : null;
}
