// Tenant isolation matrix: every portal operation (what pages and server actions call) and every
// user-token API route, for an org admin of the same organization, an org admin of another one,
// a member, and anonymous callers. Another organization's ids answer 404 and change nothing.
import { beforeAll, describe, expect, it } from "vitest";
import { POST as activate } from "@/app/api/v1/activations/route";
import { GET as listUsersApi } from "@/app/api/v1/admin/organizations/[id]/users/route";
import { POST as tokenRoute } from "@/app/api/v1/auth/token/route";
import { POST as deactivate } from "@/app/api/v1/deactivations/route";
import { POST as heartbeat } from "@/app/api/v1/heartbeats/route";
import { GET as meLicenses } from "@/app/api/v1/me/licenses/route";
import { POST as validate } from "@/app/api/v1/validate/route";
import { ApiError, ERROR_STATUS } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { createOrgUser } from "@/lib/orgs/create-org-user";
import { callRoute } from "@/lib/test/http";
import { makeLicense, staffCtx, uniq } from "@/lib/test/factories";
import { loadOrgActor, type TOrgActor } from "./actor";
import { deactivateOrgSeats } from "./deactivate-org-seats";
import { listOrgActivations } from "./list-org-activations";
import { listOrgLicenses } from "./list-org-licenses";
import { orgConcurrencyReport, orgLeaseOverview } from "./org-license-reports";
import { revokeOrgLease } from "./revoke-org-lease";
import { portalImportUsers, portalInviteUser, portalListUsers, portalRemoveUser, portalResendInvitation, portalUpdateUser } from "./manage-users";
import { usageReport } from "./usage-report";

const PASSWORD = "a long enough password";

type TWorld = Awaited<ReturnType<typeof makeWorld>>;

async function makeOrg(label: string) {
  const { organization, license, key } = await makeLicense({ license: { seats: 20, name: `${label} license` } });
  const mk = async (role: "ORG_ADMIN" | "MEMBER", extra: { canDeactivateSeats?: boolean; canManageUsers?: boolean; password?: string } = {}) => {
    const { user } = await createOrgUser(
      organization.id,
      { email: `${uniq(label)}@example.test`, name: `${label} ${role}`, role, password: PASSWORD, ...extra },
      staffCtx,
    );
    return user;
  };
  const admin = await mk("ORG_ADMIN");
  const viewer = await mk("ORG_ADMIN", { canDeactivateSeats: false, canManageUsers: false });
  const member = await mk("MEMBER");
  const other = await mk("MEMBER");
  const invited = await createOrgUser(organization.id, { email: `${uniq(label)}@example.test`, name: "Invited" }, staffCtx);
  const seat = (fingerprint: string, userId: string | null, friendlyName: string) =>
    db.activation.create({ data: { licenseId: license.id, fingerprint, userId, friendlyName } });
  const memberSeat = await seat(`${label}-m`, member.id, `${label} member PC`);
  const otherSeat = await seat(`${label}-o`, other.id, `${label} other PC`);
  const keySeat = await seat(`${label}-k`, null, `${label} kiosk`);
  return { organization, license, key, admin, viewer, member, other, invited: invited.user, memberSeat, otherSeat, keySeat };
}

async function makeWorld() {
  const a = await makeOrg("acme");
  const b = await makeOrg("bolt");
  const actor = async (id: string) => (await loadOrgActor(id))!;
  return {
    a,
    b,
    actors: {
      adminA: await actor(a.admin.id),
      viewerA: await actor(a.viewer.id),
      memberA: await actor(a.member.id),
      adminB: await actor(b.admin.id),
    },
  };
}

async function outcome(fn: () => Promise<unknown>): Promise<number> {
  try {
    await fn();
    return 200;
  } catch (error) {
    if (error instanceof ApiError) return ERROR_STATUS[error.code];
    throw error;
  }
}

let w: TWorld;
beforeAll(async () => {
  w = await makeWorld();
}, 120_000);

describe("portal operations × roles", () => {
  type TRole = keyof TWorld["actors"];
  // Each case targets organization A's data; the expected status per role.
  const cases: { name: string; run: (actor: TOrgActor) => Promise<unknown>; expect: Record<TRole, number> }[] = [
    { name: "list users", run: (x) => portalListUsers(x, {}), expect: { adminA: 200, viewerA: 200, memberA: 404, adminB: 200 } },
    { name: "usage report", run: (x) => usageReport(x), expect: { adminA: 200, viewerA: 200, memberA: 404, adminB: 200 } },
    { name: "update A's member", run: (x) => portalUpdateUser(x, w.a.other.id, { name: "Renamed" }), expect: { adminA: 200, viewerA: 403, memberA: 404, adminB: 404 } },
    { name: "resend A's invitation", run: (x) => portalResendInvitation(x, w.a.invited.id), expect: { adminA: 200, viewerA: 403, memberA: 404, adminB: 404 } },
    { name: "invite into own org", run: (x) => portalInviteUser(x, { email: `${uniq("n")}@example.test`, name: "New", role: "MEMBER" }), expect: { adminA: 200, viewerA: 403, memberA: 404, adminB: 200 } },
    { name: "import into own org", run: (x) => portalImportUsers(x, `email,name\n${uniq("c")}@example.test,Csv`), expect: { adminA: 200, viewerA: 403, memberA: 404, adminB: 200 } },
    { name: "deactivate A's key seat", run: (x) => deactivateOrgSeats(x, [w.a.keySeat.id]), expect: { adminA: 200, viewerA: 403, memberA: 404, adminB: 404 } },
    { name: "leases of A's license", run: (x) => orgLeaseOverview(x, w.a.license.id), expect: { adminA: 200, viewerA: 200, memberA: 404, adminB: 404 } },
    { name: "concurrency report of A's license", run: (x) => orgConcurrencyReport(x, w.a.license.id, { range: "7d", bucket: "day" }), expect: { adminA: 200, viewerA: 200, memberA: 404, adminB: 404 } },
    {
      name: "revoke a seat of A's license",
      run: async (x) => revokeOrgLease(x, w.a.license.id, (await db.activation.create({ data: { licenseId: w.a.license.id, fingerprint: uniq("lease") } })).id),
      expect: { adminA: 200, viewerA: 403, memberA: 404, adminB: 404 },
    },
    { name: "deactivate A's member seat + other seat together", run: (x) => deactivateOrgSeats(x, [w.a.memberSeat.id, w.a.otherSeat.id]), expect: { adminA: 200, viewerA: 403, memberA: 404, adminB: 404 } },
  ];
  const order: TRole[] = ["adminB", "memberA", "viewerA", "adminA"];

  for (const c of cases) {
    it(c.name, async () => {
      // Refusals first, so the successful call doesn't change what the others see.
      for (const role of order) {
        expect([role, await outcome(() => c.run(w.actors[role]))]).toEqual([role, c.expect[role]]);
      }
    });
  }

  it("a member frees only their own seat", async () => {
    const seat = await db.activation.create({ data: { licenseId: w.a.license.id, fingerprint: uniq("own"), userId: w.a.member.id } });
    expect(await deactivateOrgSeats(w.actors.memberA, [seat.id])).toEqual({ deactivated: 1 });
  });

  it("remove user: other org 404, member 404, no permission 403; admin can't remove themselves", async () => {
    const victim = (await createOrgUser(w.a.organization.id, { email: `${uniq("v")}@example.test`, name: "Victim", password: PASSWORD }, staffCtx)).user;
    expect(await outcome(() => portalRemoveUser(w.actors.adminB, victim.id, false))).toBe(404);
    expect(await outcome(() => portalRemoveUser(w.actors.memberA, victim.id, false))).toBe(404);
    expect(await outcome(() => portalRemoveUser(w.actors.viewerA, victim.id, false))).toBe(403);
    expect(await outcome(() => portalRemoveUser(w.actors.adminA, w.actors.adminA.userId, false))).toBe(409);
    expect(await db.orgUser.count({ where: { id: victim.id } })).toBe(1);
    expect(await outcome(() => portalRemoveUser(w.actors.adminA, victim.id, true))).toBe(200);
  });

  it("lists are scoped: B's admin sees none of A's users, activations or licenses; a member sees only own seats", async () => {
    const users = await portalListUsers(w.actors.adminB, { pageSize: 200 });
    expect(users.users.every((u) => u.organizationId === w.b.organization.id)).toBe(true);
    const acts = await listOrgActivations(w.actors.adminB, { q: "acme" });
    expect(acts.total).toBe(0);
    const licensesB = await listOrgLicenses(w.actors.adminB);
    expect(licensesB.map((l) => l.id)).toEqual([w.b.license.id]);
    const cross = await listOrgActivations(w.actors.adminB, { licenseId: w.a.license.id });
    expect(cross.total).toBe(0);
    const mine = await listOrgActivations(w.actors.memberA, {});
    expect(mine.activations.every((a) => a.user?.id === w.a.member.id)).toBe(true);
    const all = await listOrgActivations(w.actors.adminA, {});
    expect(all.activations.every((a) => a.license.id === w.a.license.id)).toBe(true);
  });

  it("global search covers friendly name, hostname and user email; not-seen filter finds idle seats", async () => {
    const hostSeat = await db.activation.create({ data: { licenseId: w.a.license.id, fingerprint: uniq("h"), hostname: "WS-ZEBRA-42", lastSeenAt: new Date(Date.now() - 40 * 86_400_000) } });
    expect((await listOrgActivations(w.actors.adminA, { q: "zebra" })).activations.map((a) => a.id)).toEqual([hostSeat.id]);
    await db.activation.create({ data: { licenseId: w.a.license.id, fingerprint: uniq("e"), userId: w.a.other.id } });
    const byEmail = await listOrgActivations(w.actors.adminA, { q: w.a.other.email.slice(0, 12).toUpperCase() });
    expect(byEmail.activations.some((a) => a.user?.id === w.a.other.id)).toBe(true);
    expect((await listOrgActivations(w.actors.adminA, { notSeenDays: "30" })).activations.map((a) => a.id)).toEqual([hostSeat.id]);
    const paged = await listOrgActivations(w.actors.adminA, { pageSize: "5", page: "1" });
    expect(paged.activations.length).toBeLessThanOrEqual(5);
  });
});

describe("API routes × roles", () => {
  async function tokenFor(email: string) {
    const res = await callRoute(tokenRoute, { body: { email, password: PASSWORD } });
    return { authorization: `Bearer ${res.json.token}` };
  }

  it("user tokens: own organization works, another organization's license is 404, anonymous is 401", async () => {
    const memberA = await tokenFor(w.a.member.email);
    const adminB = await tokenFor(w.b.admin.email);
    const body = { licenseId: w.a.license.id, fingerprint: uniq("fp") };
    expect((await callRoute(activate, { headers: memberA, body })).status).toBe(201);
    for (const route of [activate, validate, heartbeat, deactivate]) {
      const res = await callRoute(route, { headers: adminB, body });
      expect([res.status, res.json.error.code]).toEqual([404, "LICENSE_NOT_FOUND"]);
    }
    expect((await callRoute(meLicenses, { headers: adminB })).json.licenses.map((l: { id: string }) => l.id)).toEqual([w.b.license.id]);
    expect((await callRoute(meLicenses, {})).status).toBe(401);
    // A user token is not an admin token.
    expect((await callRoute(listUsersApi, { headers: memberA, params: { id: w.a.organization.id } })).status).toBe(401);
  });
});
