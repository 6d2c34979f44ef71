import { describe, expect, it } from "vitest";
import { POST as activate } from "@/app/api/v1/activations/route";
import { createLicense } from "../admin/create-license";
import { updateLicense } from "../admin/update-license";
import { ApiError, ERROR_STATUS } from "../api/errors";
import { db } from "../db";
import { createOrgUser } from "../orgs/create-org-user";
import { callRoute } from "../test/http";
import { makeLicense, makePolicy, staffCtx, uniq } from "../test/factories";
import { loadOrgActor } from "./actor";
import { getLicenseSettings, portalChangeActivationPassword, portalChangeAdministratorEmail } from "./license-settings";
import { listOrgLicenses } from "./list-org-licenses";

async function outcome(fn: () => Promise<unknown>): Promise<number | string> {
  try {
    await fn();
    return 200;
  } catch (error) {
    if (error instanceof ApiError) return ERROR_STATUS[error.code];
    if (error instanceof Error && error.name === "ZodError") return "invalid";
    throw error;
  }
}

async function actorFor(organizationId: string, role: "ORG_ADMIN" | "MEMBER") {
  const { user } = await createOrgUser(organizationId, { email: `${uniq(role.toLowerCase())}@example.test`, name: role, role, password: "a long password 1" }, staffCtx);
  return (await loadOrgActor(user.id))!;
}

/** A license whose first activation with an email made that email its License Administrator. */
async function administeredLicense() {
  const { policy } = await makePolicy({ seats: 1, goodwillSeats: 1 });
  const license = await createLicense({ policyId: policy.id, name: uniq("Administered") }, staffCtx);
  const email = `${uniq("boss")}@example.test`;
  expect((await callRoute(activate, { body: { key: license.key, fingerprint: "first", email } })).status).toBe(201);
  const row = await db.license.findUniqueOrThrow({ where: { id: license.id } });
  const administrator = (await loadOrgActor(row.administratorId!))!;
  return { license: row, key: license.key, administrator, email };
}

describe("portal license settings", () => {
  it("an org admin without administrator role sets, changes and removes the activation password; never sees it", async () => {
    const { license, key, organization } = await makeLicense();
    const admin = await actorFor(organization.id, "ORG_ADMIN");
    expect(await getLicenseSettings(admin, license.id)).toMatchObject({ passwordSet: false, administrator: null, isAdministrator: false });

    expect(await outcome(() => portalChangeActivationPassword(admin, license.id, { intent: "set", password: "open sesame", confirm: "open sesam" }))).toBe("invalid");
    expect(await outcome(() => portalChangeActivationPassword(admin, license.id, { intent: "set", password: "abc", confirm: "abc" }))).toBe("invalid");
    expect(await portalChangeActivationPassword(admin, license.id, { intent: "set", password: "open sesame", confirm: "open sesame" })).toEqual({ passwordSet: true });
    const settings = await getLicenseSettings(admin, license.id);
    expect(settings.passwordSet).toBe(true);
    expect(JSON.stringify(settings)).not.toMatch(/argon|open sesame/);

    const refused = await callRoute(activate, { body: { key, fingerprint: "a" } });
    expect([refused.status, refused.json.error.code]).toEqual([401, "INVALID_ACTIVATION_PASSWORD"]);
    expect((await callRoute(activate, { body: { key, fingerprint: "a", activationPassword: "open sesame" } })).status).toBe(201);

    const event = await db.event.findFirstOrThrow({ where: { licenseId: license.id, action: "license.updated" }, orderBy: { createdAt: "desc" } });
    expect(JSON.stringify(event.data)).not.toContain("open sesame");

    await portalChangeActivationPassword(admin, license.id, { intent: "remove" });
    expect((await getLicenseSettings(admin, license.id)).passwordSet).toBe(false);
    expect((await callRoute(activate, { body: { key, fingerprint: "b" } })).status).toBe(201);
  });

  it("members get 404; another organization's admin gets 404 and changes nothing", async () => {
    const { license, organization } = await makeLicense();
    const member = await actorFor(organization.id, "MEMBER");
    const other = await actorFor((await makeLicense()).organization.id, "ORG_ADMIN");
    for (const actor of [member, other]) {
      expect(await outcome(() => getLicenseSettings(actor, license.id))).toBe(404);
      expect(await outcome(() => portalChangeActivationPassword(actor, license.id, { intent: "set", password: "intruder", confirm: "intruder" }))).toBe(404);
      expect(await outcome(() => portalChangeAdministratorEmail(actor, license.id, `${uniq("x")}@example.test`))).toBe(404);
    }
    expect(await outcome(() => getLicenseSettings(other, "no-such-license"))).toBe(404);
    const row = await db.license.findUniqueOrThrow({ where: { id: license.id }, omit: { activationPasswordHash: false } });
    expect(row.activationPasswordHash).toBeNull();
  });

  it("only the License Administrator changes the administrator email; the old address is told", async () => {
    const { license, administrator, email } = await administeredLicense();
    const settings = await getLicenseSettings(administrator, license.id);
    expect(settings).toMatchObject({ isAdministrator: true, administrator: { id: administrator.userId, email } });

    const coAdmin = await actorFor(license.organizationId!, "ORG_ADMIN");
    expect((await getLicenseSettings(coAdmin, license.id)).isAdministrator).toBe(false);
    expect(await outcome(() => portalChangeAdministratorEmail(coAdmin, license.id, `${uniq("takeover")}@example.test`))).toBe(403);
    // …but may change the password.
    expect(await outcome(() => portalChangeActivationPassword(coAdmin, license.id, { intent: "set", password: "co-admin", confirm: "co-admin" }))).toBe(200);

    expect(await outcome(() => portalChangeAdministratorEmail(administrator, license.id, "not an email"))).toBe("invalid");
    expect(await outcome(() => portalChangeAdministratorEmail(administrator, license.id, coAdmin.email))).toBe(409);
    const next = `${uniq("New-Boss")}@Example.test`;
    expect(await portalChangeAdministratorEmail(administrator, license.id, next)).toEqual({ email: next.toLowerCase() });
    // The name was the old email (set at assignment), so it follows.
    expect((await getLicenseSettings(administrator, license.id)).administrator).toMatchObject({ email: next.toLowerCase(), name: next.toLowerCase() });
    expect(await db.emailMessage.count({ where: { kind: "admin_email_changed", to: email } })).toBe(1);
  });

  it("the portal's license list carries the goodwill seats in effect (license override over policy; none when floating)", async () => {
    const { license, administrator } = await administeredLicense();
    expect((await listOrgLicenses(administrator)).find((l) => l.id === license.id)).toMatchObject({ goodwillSeats: 1, seats: { limit: 1, used: 1 } });
    await updateLicense(license.id, { goodwillSeats: 3 }, staffCtx);
    expect((await listOrgLicenses(administrator)).find((l) => l.id === license.id)?.goodwillSeats).toBe(3);
    const floating = await makeLicense({ policy: { model: "FLOATING", goodwillSeats: 2 } });
    const admin = await actorFor(floating.organization.id, "ORG_ADMIN");
    expect((await listOrgLicenses(admin))[0]?.goodwillSeats).toBe(0);
  });
});
