import "server-only";
import { db, type TDbOrTx } from "../db";

export type TLeaseRow = {
  id: string;
  fingerprint: string;
  friendlyName: string | null;
  hostname: string | null;
  platform: string | null;
  appVersion: string | null;
  ip: string | null;
  user: string | null;
  leasedAt: string;
  lastSeenAt: string;
  leaseExpiresAt: string;
};

/** Leases holding a seat right now, the soonest to expire first. */
export async function listCurrentLeases(licenseId: string, now = new Date(), client: TDbOrTx = db): Promise<TLeaseRow[]> {
  const rows = await client.activation.findMany({
    where: { licenseId, deactivatedAt: null, leaseExpiresAt: { gt: now } },
    orderBy: [{ leaseExpiresAt: "asc" }, { id: "asc" }],
    include: { user: { select: { name: true, email: true } } },
    take: 1000,
  });
  return rows.map((r) => ({
    id: r.id,
    fingerprint: r.fingerprint,
    friendlyName: r.friendlyName,
    hostname: r.hostname,
    platform: r.platform,
    appVersion: r.appVersion,
    ip: r.ip,
    user: r.user ? `${r.user.name} <${r.user.email}>` : null,
    leasedAt: r.createdAt.toISOString(),
    lastSeenAt: r.lastSeenAt.toISOString(),
    leaseExpiresAt: r.leaseExpiresAt!.toISOString(),
  }));
}
