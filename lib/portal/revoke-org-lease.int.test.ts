// The portal's floating-license pages (leases, concurrency report, revoke) check on the server:
// an admin of the license's organization only (members and other organizations get 404, like an
// unknown id), and revoking also needs canDeactivateSeats.
import { beforeAll, describe, expect, it } from "vitest";
import { ApiError, ERROR_STATUS } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { activateSeat } from "@/lib/licensing/activate-seat";
import { countSeatsInUse } from "@/lib/licensing/count-seats";
import { createOrgUser } from "@/lib/orgs/create-org-user";
import { makeLicense, staffCtx, uniq } from "@/lib/test/factories";
import { loadOrgActor, type TOrgActor } from "./actor";
import { orgConcurrencyReport, orgLeaseOverview } from "./org-license-reports";
import { revokeOrgLease } from "./revoke-org-lease";

const SYSTEM = { actor: { type: "SYSTEM" as const } };

async function floatingOrg(label: string) {
  const made = await makeLicense({ policy: { model: "FLOATING", seats: 1, leaseDurationSeconds: 600 }, license: { name: `${label} floating` } });
  const user = async (role: "ORG_ADMIN" | "MEMBER", extra: { canDeactivateSeats?: boolean } = {}) => {
    const { user } = await createOrgUser(made.organization.id, { email: `${uniq(label)}@example.test`, name: `${label} ${role}`, role, ...extra }, staffCtx);
    return (await loadOrgActor(user.id))!;
  };
  return {
    ...made,
    admin: await user("ORG_ADMIN", { canDeactivateSeats: true }),
    viewer: await user("ORG_ADMIN", { canDeactivateSeats: false }),
    member: await user("MEMBER"),
  };
}

async function status(fn: () => Promise<unknown>): Promise<number | string> {
  try {
    await fn();
    return 200;
  } catch (error) {
    if (error instanceof ApiError) return `${ERROR_STATUS[error.code]} ${error.code}`;
    throw error;
  }
}

let a: Awaited<ReturnType<typeof floatingOrg>>;
let b: Awaited<ReturnType<typeof floatingOrg>>;
beforeAll(async () => {
  a = await floatingOrg("acme");
  b = await floatingOrg("bolt");
}, 60_000);

async function lease(key: string) {
  return (await activateSeat({ key, fingerprint: uniq("fp"), friendlyName: "Render node" }, SYSTEM)).activation;
}

describe("portal leases and concurrency report", () => {
  it("an admin of the organization sees its leases; members and other organizations get 404", async () => {
    const held = await lease(a.key);
    const overview = await orgLeaseOverview(a.admin, a.license.id);
    expect(overview).toMatchObject({ floating: true, used: 1, limit: 1, canRevoke: true });
    expect(overview.leases.map((l) => l.id)).toEqual([held.id]);
    expect((await orgLeaseOverview(a.viewer, a.license.id)).canRevoke).toBe(false);

    const refused: [string, TOrgActor][] = [["member", a.member], ["other organization's admin", b.admin]];
    for (const [who, actor] of refused) {
      expect([who, await status(() => orgLeaseOverview(actor, a.license.id))]).toEqual([who, "404 NOT_FOUND"]);
      expect([who, await status(() => orgConcurrencyReport(actor, a.license.id, { range: "24h", bucket: "hour" }))]).toEqual([who, "404 NOT_FOUND"]);
    }
    // An unknown id answers exactly like another organization's license.
    expect(await status(() => orgLeaseOverview(a.admin, "no-such-license"))).toBe("404 NOT_FOUND");
    await db.activation.update({ where: { id: held.id }, data: { deactivatedAt: new Date() } });
  });

  it("revoking: member and other organization 404, admin without canDeactivateSeats 403, nothing changes", async () => {
    const held = await lease(a.key);
    expect(await status(() => revokeOrgLease(a.member, a.license.id, held.id))).toBe("404 NOT_FOUND");
    expect(await status(() => revokeOrgLease(b.admin, a.license.id, held.id))).toBe("404 NOT_FOUND");
    // B's admin naming their own license doesn't reach A's lease either.
    expect(await status(() => revokeOrgLease(b.admin, b.license.id, held.id))).toBe("404 ACTIVATION_NOT_FOUND");
    expect(await status(() => revokeOrgLease(a.viewer, a.license.id, held.id))).toBe("403 FORBIDDEN");
    expect(await countSeatsInUse(db, a.license.id, new Date())).toBe(1);
    expect((await db.activation.findUniqueOrThrow({ where: { id: held.id } })).deactivatedAt).toBeNull();
    await revokeOrgLease(a.admin, a.license.id, held.id);
  });

  it("an admin with canDeactivateSeats revokes a lease: the seat is free at once and the event names them", async () => {
    const held = await lease(a.key);
    // Full: the next checkout is refused until the lease is revoked.
    await expect(lease(a.key)).rejects.toMatchObject({ code: "SEAT_LIMIT_REACHED" });

    await revokeOrgLease(a.admin, a.license.id, held.id, "203.0.113.9");
    expect(await countSeatsInUse(db, a.license.id, new Date())).toBe(0);
    expect((await orgLeaseOverview(a.admin, a.license.id)).leases).toEqual([]);
    const event = await db.event.findFirstOrThrow({ where: { licenseId: a.license.id, action: "activation.deactivated" }, orderBy: { createdAt: "desc" } });
    expect(event).toMatchObject({ actorType: "USER", actorId: a.admin.userId, ip: "203.0.113.9" });
    expect(await lease(a.key)).toMatchObject({ leaseExpiresAt: expect.any(String) });
    // Revoking twice: the lease is already gone.
    expect(await status(() => revokeOrgLease(a.admin, a.license.id, held.id))).toBe("404 ACTIVATION_NOT_FOUND");
  });

  it("the concurrency report shows the organization's own peak and refused checkouts", async () => {
    const report = await orgConcurrencyReport(a.admin, a.license.id, { range: "24h", bucket: "hour" });
    expect(report).toMatchObject({ seatLimit: 1, bucket: "hour", license: { id: a.license.id, model: "FLOATING" } });
    expect(report.summary.peak).toBe(1);
    expect(report.summary.refused).toBe(1);
    expect(report.points).toHaveLength(24);
    // A's refusals never show up in B's report.
    expect((await orgConcurrencyReport(b.admin, b.license.id, { range: "24h", bucket: "hour" })).summary).toMatchObject({ peak: 0, refused: 0 });
  });
});
