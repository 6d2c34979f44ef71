import { describe, expect, it } from "vitest";
import { POST as activate } from "@/app/api/v1/activations/route";
import { createLicense } from "../admin/create-license";
import { updateLicense } from "../admin/update-license";
import { verifyPassword } from "../crypto/passwords";
import { db } from "../db";
import { makeLicense, makePolicy, staffCtx } from "../test/factories";
import { callRoute } from "../test/http";
import { changeActivationPassword, changeAdministratorEmail, completeLicenseAdminWelcome } from "./manage-license-admin";

const userCtx = { actor: { type: "USER" as const }, ip: "127.0.0.1" };

describe("activation password", () => {
  it("new seats need the right password (401 INVALID_ACTIVATION_PASSWORD); a seated device re-activates without it", async () => {
    const { key, license } = await makeLicense();
    await updateLicense(license.id, { activationPassword: "open sesame" }, staffCtx);
    const stored = await db.license.findUniqueOrThrow({ where: { id: license.id }, omit: { activationPasswordHash: false } });
    expect(stored.activationPasswordHash).toMatch(/^\$argon2id\$/);
    const none = await callRoute(activate, { body: { key, fingerprint: "a" } });
    expect([none.status, none.json.error.code]).toEqual([401, "INVALID_ACTIVATION_PASSWORD"]);
    const wrong = await callRoute(activate, { body: { key, fingerprint: "a", activationPassword: "nope" } });
    expect([wrong.status, wrong.json.error.code]).toEqual([401, "INVALID_ACTIVATION_PASSWORD"]);
    expect((await callRoute(activate, { body: { key, fingerprint: "a", activationPassword: "open sesame" } })).status).toBe(201);
    expect((await callRoute(activate, { body: { key, fingerprint: "a" } })).status).toBe(200);
    await updateLicense(license.id, { activationPassword: null }, staffCtx);
    expect((await callRoute(activate, { body: { key, fingerprint: "b" } })).status).toBe(201);
  });
});

describe("License Administrator", () => {
  it("the first activation with an email creates the organization, an ORG_ADMIN and a welcome link", async () => {
    const { policy } = await makePolicy();
    const license = await createLicense({ policyId: policy.id, name: "Acme seats" }, staffCtx);
    const res = await callRoute(activate, { body: { key: license.key, fingerprint: "a", email: "Boss@Acme.test" } });
    expect(res.status).toBe(201);
    const row = await db.license.findUniqueOrThrow({ where: { id: license.id } });
    expect(row.organizationId).not.toBeNull();
    const admin = await db.orgUser.findUniqueOrThrow({ where: { email: "boss@acme.test" } });
    expect(admin).toMatchObject({ role: "ORG_ADMIN", canDeactivateSeats: true, organizationId: row.organizationId });
    expect(row.administratorId).toBe(admin.id);
    const mail = await db.emailMessage.findFirstOrThrow({ where: { kind: "admin_welcome", to: "boss@acme.test" } });
    expect(mail.subject).toBe("You're the License Administrator for Acme seats");
    expect(mail.html).toContain("/welcome/license-admin?token=");
    const token = /token=([^\s"&]+)/.exec(mail.text)![1]!;
    const link = await db.actionToken.findFirstOrThrow({ where: { subjectId: admin.id }, omit: { tokenHash: false } });
    expect(link.kind).toBe("LICENSE_ADMIN_WELCOME");
    expect(link.tokenHash).not.toContain(decodeURIComponent(token));

    // A later activation with another email changes nothing.
    await callRoute(activate, { body: { key: license.key, fingerprint: "b", email: "other@acme.test" } });
    expect(await db.orgUser.findUnique({ where: { email: "other@acme.test" } })).toBeNull();

    // The link sets the portal password once.
    await completeLicenseAdminWelcome(decodeURIComponent(token), "a long portal password", userCtx);
    const withHash = await db.orgUser.findUniqueOrThrow({ where: { id: admin.id }, omit: { passwordHash: false } });
    expect(await verifyPassword(withHash.passwordHash, "a long portal password")).toBe(true);
    await expect(completeLicenseAdminWelcome(decodeURIComponent(token), "another long password", userCtx)).rejects.toMatchObject({ code: "CONFLICT" });

    // In the portal they change the activation password and their email.
    await changeActivationPassword(license.id, admin.id, "portal-set", userCtx);
    expect((await callRoute(activate, { body: { key: license.key, fingerprint: "c" } })).json.error.code).toBe("INVALID_ACTIVATION_PASSWORD");
    await changeAdministratorEmail(license.id, admin.id, "new-boss@acme.test", userCtx);
    expect((await db.orgUser.findUniqueOrThrow({ where: { id: admin.id } })).email).toBe("new-boss@acme.test");
    const changed = await db.emailMessage.findMany({ where: { kind: "admin_email_changed", to: "boss@acme.test" } });
    expect(changed).toHaveLength(1);
    expect(changed[0]!.text).toContain("from boss@acme.test to new-boss@acme.test");
  });

  it("an organization that already has an admin keeps it; other users can't manage the license", async () => {
    const { key, license, organization } = await makeLicense();
    const existing = await db.orgUser.create({ data: { organizationId: organization.id, email: `${license.id}@org.test`, name: "Admin", role: "ORG_ADMIN" } });
    await callRoute(activate, { body: { key, fingerprint: "a", email: "late@org.test" } });
    expect((await db.license.findUniqueOrThrow({ where: { id: license.id } })).administratorId).toBeNull();
    const member = await db.orgUser.create({ data: { organizationId: organization.id, email: `m-${license.id}@org.test`, name: "M" } });
    await expect(changeActivationPassword(license.id, member.id, "x1234", userCtx)).rejects.toMatchObject({ code: "FORBIDDEN" });
    await changeActivationPassword(license.id, existing.id, "x1234", userCtx);
  });
});
