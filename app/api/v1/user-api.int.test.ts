import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { createOrgUser } from "@/lib/orgs/create-org-user";
import { updateOrgUser } from "@/lib/orgs/update-org-user";
import { removeOrgUser } from "@/lib/orgs/remove-org-user";
import { callRoute } from "@/lib/test/http";
import { makeLicense, staffCtx, uniq } from "@/lib/test/factories";
import { POST as activate } from "./activations/route";
import { DELETE as revokeRoute, POST as tokenRoute } from "./auth/token/route";
import { POST as deactivate } from "./deactivations/route";
import { POST as heartbeat } from "./heartbeats/route";
import { GET as meLicenses } from "./me/licenses/route";
import { POST as validate } from "./validate/route";

const PASSWORD = "a long enough password";

async function makeUser(organizationId: string, role: "ORG_ADMIN" | "MEMBER" = "MEMBER") {
  const email = `${uniq("user")}@example.test`;
  const { user } = await createOrgUser(organizationId, { email, name: "Test User", role, password: PASSWORD }, staffCtx);
  return { user, email };
}

async function signInApp(email: string, password = PASSWORD) {
  const res = await callRoute(tokenRoute, { body: { email, password } });
  return { res, authorization: `Bearer ${res.json?.token}` };
}

describe("POST /api/v1/auth/token", () => {
  it("trades email and password for a short-lived sw_user_ token, stored only as a digest", async () => {
    const { organization } = await makeLicense();
    const { user, email } = await makeUser(organization.id);
    const now = Date.now();
    const { res } = await signInApp(email.toUpperCase());
    expect(res.status).toBe(201);
    expect(res.json.token).toMatch(/^sw_user_/);
    expect(res.json.user).toMatchObject({ id: user.id, email, role: "MEMBER" });
    expect(res.json.organization).toEqual({ id: organization.id, name: organization.name });
    const ttl = new Date(res.json.expiresAt).getTime() - now;
    expect(ttl).toBeGreaterThan(11 * 3600_000);
    expect(ttl).toBeLessThanOrEqual(12 * 3600_000 + 5_000);
    const stored = await db.userToken.findFirstOrThrow({ where: { userId: user.id }, omit: { tokenHash: false } });
    expect(stored.tokenHash).not.toContain(res.json.token);
    expect(stored.tokenHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("answers 401 INVALID_CREDENTIALS for a wrong password, an unknown email and an invited user without password", async () => {
    const { organization } = await makeLicense();
    const { email } = await makeUser(organization.id);
    const invited = await createOrgUser(organization.id, { email: `${uniq("inv")}@example.test`, name: "Invited" }, staffCtx);
    for (const body of [
      { email, password: "wrong password!" },
      { email: "nobody@example.test", password: PASSWORD },
      { email: invited.user.email, password: PASSWORD },
    ]) {
      const res = await callRoute(tokenRoute, { body });
      expect([res.status, res.json.error.code]).toEqual([401, "INVALID_CREDENTIALS"]);
    }
  });

  it("disabled and removed users get no token and their existing tokens stop working", async () => {
    const { organization } = await makeLicense();
    const disabled = await makeUser(organization.id);
    const removed = await makeUser(organization.id);
    const t1 = await signInApp(disabled.email);
    const t2 = await signInApp(removed.email);
    expect((await callRoute(meLicenses, { headers: { authorization: t1.authorization } })).status).toBe(200);

    await updateOrgUser(organization.id, disabled.user.id, { disabled: true }, staffCtx);
    await removeOrgUser(organization.id, removed.user.id, { freeSeats: false }, staffCtx);

    for (const { authorization } of [t1, t2]) {
      const res = await callRoute(meLicenses, { headers: { authorization } });
      expect([res.status, res.json.error.code]).toEqual([401, "UNAUTHORIZED"]);
    }
    expect((await signInApp(disabled.email)).res.status).toBe(401);
    expect((await signInApp(removed.email)).res.status).toBe(401);
  });

  it("DELETE /auth/token signs the app out: that token stops working, others don't", async () => {
    const { organization } = await makeLicense();
    const { email } = await makeUser(organization.id);
    const first = await signInApp(email);
    const second = await signInApp(email);
    const res = await callRoute(revokeRoute, { method: "DELETE", headers: { authorization: first.authorization } });
    expect([res.status, res.json]).toEqual([200, { revoked: true }]);
    expect((await callRoute(meLicenses, { headers: { authorization: first.authorization } })).status).toBe(401);
    expect((await callRoute(meLicenses, { headers: { authorization: second.authorization } })).status).toBe(200);
  });

  it("an expired or made-up token is refused", async () => {
    const { organization } = await makeLicense();
    const { user, email } = await makeUser(organization.id);
    const { authorization } = await signInApp(email);
    await db.userToken.updateMany({ where: { userId: user.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await callRoute(meLicenses, { headers: { authorization } })).status).toBe(401);
    expect((await callRoute(meLicenses, { headers: { authorization: "Bearer sw_user_madeup" } })).status).toBe(401);
    expect((await callRoute(meLicenses, {})).status).toBe(401);
  });
});

describe("user-token activation", () => {
  it("lists the organization's licenses and activates, validates, heartbeats and deactivates without a key", async () => {
    const { organization, license } = await makeLicense({ license: { seats: 2 } });
    const { user, email } = await makeUser(organization.id);
    const { authorization } = await signInApp(email);
    const headers = { authorization };

    const list = await callRoute(meLicenses, { headers });
    expect(list.status).toBe(200);
    expect(list.json.licenses).toHaveLength(1);
    expect(list.json.licenses[0]).toMatchObject({ id: license.id, seats: { limit: 2, used: 0 }, myActivations: [] });
    expect(list.json.licenses[0].key).toBeUndefined();

    const created = await callRoute(activate, { headers, body: { licenseId: license.id, fingerprint: "fp-u", friendlyName: "Laptop" } });
    expect(created.status).toBe(201);
    expect(created.json.activation).toMatchObject({ fingerprint: "fp-u", userId: user.id });
    const event = await db.event.findFirstOrThrow({ where: { activationId: created.json.activation.id, action: "activation.created" } });
    expect(event).toMatchObject({ actorType: "USER", actorId: user.id, actorLabel: email });

    expect((await callRoute(validate, { headers, body: { licenseId: license.id, fingerprint: "fp-u", nonce: "n" } })).json).toMatchObject({
      valid: true,
      code: "VALID",
      nonce: "n",
    });
    expect((await callRoute(heartbeat, { headers, body: { licenseId: license.id, fingerprint: "fp-u", appVersion: "2.0" } })).json.activation.appVersion).toBe(
      "2.0",
    );
    const off = await callRoute(deactivate, { headers, body: { licenseId: license.id, fingerprint: "fp-u" } });
    expect(off.status).toBe(200);
    expect(off.json.license.seats.used).toBe(0);
  });

  it("a license of another organization answers 404 LICENSE_NOT_FOUND, like an unknown id", async () => {
    const mine = await makeLicense();
    const other = await makeLicense();
    const { email } = await makeUser(mine.organization.id);
    const { authorization } = await signInApp(email);
    for (const route of [activate, validate, heartbeat, deactivate]) {
      for (const licenseId of [other.license.id, "nope"]) {
        const res = await callRoute(route, { headers: { authorization }, body: { licenseId, fingerprint: "fp" } });
        expect([res.status, res.json.error.code]).toEqual([404, "LICENSE_NOT_FOUND"]);
      }
    }
    expect(await db.activation.count({ where: { licenseId: other.license.id } })).toBe(0);
  });

  it("a user can't validate, heartbeat or deactivate another user's seat", async () => {
    const { organization, license } = await makeLicense();
    const alice = await makeUser(organization.id);
    const bob = await makeUser(organization.id);
    const a = await signInApp(alice.email);
    const b = await signInApp(bob.email);
    await callRoute(activate, { headers: { authorization: a.authorization }, body: { licenseId: license.id, fingerprint: "alice-pc" } });
    const body = { licenseId: license.id, fingerprint: "alice-pc" };
    expect((await callRoute(validate, { headers: { authorization: b.authorization }, body })).json.code).toBe("NOT_ACTIVATED");
    expect((await callRoute(heartbeat, { headers: { authorization: b.authorization }, body })).json.error.code).toBe("ACTIVATION_NOT_FOUND");
    expect((await callRoute(deactivate, { headers: { authorization: b.authorization }, body })).status).toBe(404);
    const taken = await callRoute(activate, { headers: { authorization: b.authorization }, body });
    expect([taken.status, taken.json.error.code]).toEqual([409, "CONFLICT"]);
    expect(await db.activation.count({ where: { licenseId: license.id, deactivatedAt: null } })).toBe(1);
  });

  it("maxActivationsPerUser: at the limit → 409 USER_ACTIVATION_LIMIT; freeing a seat allows the next", async () => {
    const { organization, license } = await makeLicense({ policy: { maxActivationsPerUser: 1 }, license: { seats: 10 } });
    const alice = await makeUser(organization.id);
    const bob = await makeUser(organization.id);
    const a = { authorization: (await signInApp(alice.email)).authorization };
    const b = { authorization: (await signInApp(bob.email)).authorization };
    expect((await callRoute(activate, { headers: a, body: { licenseId: license.id, fingerprint: "a1" } })).status).toBe(201);
    // Re-activating the same device is not a second device.
    expect((await callRoute(activate, { headers: a, body: { licenseId: license.id, fingerprint: "a1" } })).status).toBe(200);
    const refused = await callRoute(activate, { headers: a, body: { licenseId: license.id, fingerprint: "a2" } });
    expect([refused.status, refused.json.error.code]).toEqual([409, "USER_ACTIVATION_LIMIT"]);
    expect((await callRoute(activate, { headers: b, body: { licenseId: license.id, fingerprint: "b1" } })).status).toBe(201);
    await callRoute(deactivate, { headers: a, body: { licenseId: license.id, fingerprint: "a1" } });
    expect((await callRoute(activate, { headers: a, body: { licenseId: license.id, fingerprint: "a2" } })).status).toBe(201);
  });

  it("the per-user limit holds under concurrent activations", async () => {
    const { organization, license } = await makeLicense({ policy: { maxActivationsPerUser: 2 }, license: { seats: 50 } });
    const { email, user } = await makeUser(organization.id);
    const headers = { authorization: (await signInApp(email)).authorization };
    const results = await Promise.all(
      Array.from({ length: 6 }, (_, i) => callRoute(activate, { headers, body: { licenseId: license.id, fingerprint: `c${i}` } })),
    );
    expect(results.filter((r) => r.status === 201)).toHaveLength(2);
    expect(results.filter((r) => r.json.error?.code === "USER_ACTIVATION_LIMIT")).toHaveLength(4);
    expect(await db.activation.count({ where: { userId: user.id, deactivatedAt: null } })).toBe(2);
  });

  it("key-based requests still work when an unrelated bearer header is sent", async () => {
    const { key } = await makeLicense();
    const res = await callRoute(activate, { headers: { authorization: "Bearer sw_admin_whatever" }, body: { key, fingerprint: "k" } });
    expect(res.status).toBe(201);
    expect(res.json.activation.userId).toBeNull();
  });

  it("with a user token a key body is invalid (400), and a bad user token is 401 even with a key", async () => {
    const { organization, key } = await makeLicense();
    const { email } = await makeUser(organization.id);
    const { authorization } = await signInApp(email);
    expect((await callRoute(activate, { headers: { authorization }, body: { key, fingerprint: "x" } })).status).toBe(400);
    expect((await callRoute(activate, { headers: { authorization: "Bearer sw_user_bad" }, body: { key, fingerprint: "x" } })).status).toBe(401);
  });
});
