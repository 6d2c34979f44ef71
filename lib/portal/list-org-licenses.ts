import "server-only";
import { db } from "../db";
import { seatCountsByLicense } from "../licensing/seat-counts";
import { serializeLicense } from "../licensing/serialize";
import { goodwillSeats } from "../rules/rule-settings";
import type { TOrgActor } from "./actor";

/** The organization's licenses (never their keys: org users activate by signing in). */
export async function listOrgLicenses(actor: TOrgActor, now = new Date()) {
  const licenses = await db.license.findMany({
    where: { organizationId: actor.organizationId },
    include: { policy: { include: { product: true } }, organization: true },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
  });
  const counts = await seatCountsByLicense(licenses.map((l) => l.id), now);
  const mine = await db.activation.groupBy({
    by: ["licenseId"],
    where: { userId: actor.userId, deactivatedAt: null, licenseId: { in: licenses.map((l) => l.id) } },
    _count: { _all: true },
  });
  const mineBy = new Map(mine.map((m) => [m.licenseId, m._count._all]));
  return licenses.map((l) => ({
    ...serializeLicense(l, counts.get(l.id) ?? 0, now),
    maxActivationsPerUser: l.policy.maxActivationsPerUser,
    // Seats past the limit that still activate (as overage): the portal's seat bar draws them as a zone.
    goodwillSeats: goodwillSeats(l),
    mySeats: mineBy.get(l.id) ?? 0,
  }));
}
export type TOrgLicense = Awaited<ReturnType<typeof listOrgLicenses>>[number];
