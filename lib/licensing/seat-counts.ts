import "server-only";
import { db, type TDbOrTx } from "../db";

/** Seats in use for many licenses in one query (list pages), with the same rule as countSeatsInUse. */
export async function seatCountsByLicense(licenseIds: string[], now: Date, client: TDbOrTx = db): Promise<Map<string, number>> {
  if (licenseIds.length === 0) return new Map();
  const rows = await client.activation.groupBy({
    by: ["licenseId"],
    where: {
      licenseId: { in: licenseIds },
      OR: [
        { deactivatedAt: null, OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { gt: now } }] },
        { deactivatedAt: { not: null }, seatFreedAt: { gt: now } },
      ],
    },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [r.licenseId, r._count._all]));
}
