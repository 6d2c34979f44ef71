import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { callRoute } from "@/lib/test/http";
import { makeAdminToken, makeLicense, makeStaff } from "@/lib/test/factories";
import { POST as activate } from "../activations/route";
import { DELETE as deleteActivation } from "./activations/[id]/route";
import { GET as listActivations } from "./licenses/[id]/activations/route";
import { GET as getLicense, PATCH as patchLicense } from "./licenses/[id]/route";
import { GET as listLicenses, POST as createLicense } from "./licenses/route";
import { GET as listOrganizations, POST as createOrganization } from "./organizations/route";
import { GET as listPolicies, POST as createPolicy } from "./policies/route";
import { GET as listProducts, POST as createProduct } from "./products/route";
import { POST as createToken } from "./tokens/route";

const basic = (email: string, password: string) => `Basic ${Buffer.from(`${email}:${password}`).toString("base64")}`;

describe("POST /api/v1/admin/tokens", () => {
  it("exchanges staff credentials for a token that is shown once and stored hashed", async () => {
    const { email, password } = await makeStaff();
    const res = await callRoute(createToken, { method: "POST", headers: { authorization: basic(email, password) }, body: { name: "ci" } });
    expect(res.status).toBe(201);
    expect(res.json.token).toMatch(/^sw_admin_/);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id: res.json.apiToken.id }, omit: { tokenHash: false } });
    expect(stored.tokenHash).not.toContain(res.json.token);
    expect(stored.tokenHash).toHaveLength(64);
    const list = await callRoute(listProducts, { headers: { authorization: `Bearer ${res.json.token}` } });
    expect(list.status).toBe(200);
  });

  it("answers 401 for a wrong password, an unknown account or no credentials", async () => {
    const { email } = await makeStaff();
    expect((await callRoute(createToken, { method: "POST", headers: { authorization: basic(email, "nope") } })).json.error.code).toBe("INVALID_CREDENTIALS");
    expect((await callRoute(createToken, { method: "POST", headers: { authorization: basic("ghost@x.test", "nope") } })).status).toBe(401);
    const none = await callRoute(createToken, { method: "POST" });
    expect([none.status, none.json.error.code]).toEqual([401, "UNAUTHORIZED"]);
  });
});

describe("admin authentication", () => {
  it("refuses missing, malformed, unknown, revoked and expired tokens with 401", async () => {
    expect((await callRoute(listLicenses)).status).toBe(401);
    expect((await callRoute(listLicenses, { headers: { authorization: "Bearer nonsense" } })).status).toBe(401);
    expect((await callRoute(listLicenses, { headers: { authorization: "Bearer sw_admin_unknown" } })).status).toBe(401);
    const revoked = await makeAdminToken();
    await db.apiToken.updateMany({ where: { staffUserId: revoked.staff.id }, data: { revokedAt: new Date() } });
    expect((await callRoute(listLicenses, { headers: { authorization: revoked.authorization } })).json.error.code).toBe("UNAUTHORIZED");
    const expired = await makeAdminToken();
    await db.apiToken.updateMany({ where: { staffUserId: expired.staff.id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    expect((await callRoute(listLicenses, { headers: { authorization: expired.authorization } })).status).toBe(401);
  });

  it("lets read-only staff tokens read but not write (403 FORBIDDEN)", async () => {
    const { authorization } = await makeAdminToken("READ_ONLY");
    expect((await callRoute(listLicenses, { headers: { authorization } })).status).toBe(200);
    const res = await callRoute(createProduct, { headers: { authorization }, body: { name: "X", code: "x-ro" } });
    expect([res.status, res.json.error.code]).toEqual([403, "FORBIDDEN"]);
  });
});

describe("vendor set-up through the admin API", () => {
  it("creates a product, policy, organization and license, then lists, reads and updates it", async () => {
    const { authorization } = await makeAdminToken();
    const headers = { authorization };
    const product = await callRoute(createProduct, { headers, body: { name: "Widget", code: "widget-e2e" } });
    expect(product.status).toBe(201);
    expect((await callRoute(createProduct, { headers, body: { name: "Dup", code: "widget-e2e" } })).json.error.code).toBe("CONFLICT");
    const policy = await callRoute(createPolicy, {
      headers,
      body: { productId: product.json.product.id, name: "Team", model: "NODE_LOCKED", seats: 3, durationDays: 30 },
    });
    expect(policy.status).toBe(201);
    expect((await callRoute(createPolicy, { headers, body: { productId: "missing", name: "x", seats: 1 } })).status).toBe(404);
    expect((await callRoute(createPolicy, { headers, body: { productId: product.json.product.id, name: "x", seats: 0 } })).json.error.code).toBe(
      "INVALID_REQUEST",
    );
    const org = await callRoute(createOrganization, { headers, body: { name: "Umbrella Corp" } });
    expect(org.status).toBe(201);

    const created = await callRoute(createLicense, {
      headers,
      body: { policyId: policy.json.policy.id, organizationId: org.json.organization.id, name: "Umbrella HQ" },
    });
    expect(created.status).toBe(201);
    const license = created.json.license;
    expect(license.key).toMatch(/^([0-9A-Z]{5}-){5}[0-9A-Z]{5}$/);
    expect(license.seats).toEqual({ limit: 3, used: 0 });
    const days = (new Date(license.expiresAt).getTime() - Date.now()) / 86_400_000;
    expect(days).toBeGreaterThan(29.9);
    expect(days).toBeLessThan(30.1);
    expect(license.currentPeriod).toMatchObject({ seatsConsumed: 0 });

    const search = await callRoute(listLicenses, { headers, query: { q: "umbrella", page: "1", pageSize: "10" } });
    expect(search.json.total).toBe(1);
    expect(search.json.licenses[0].id).toBe(license.id);
    const byKey = await callRoute(listLicenses, { headers, query: { q: license.key.slice(0, 11).toLowerCase() } });
    expect(byKey.json.licenses.map((l: { id: string }) => l.id)).toContain(license.id);

    expect((await callRoute(getLicense, { headers, params: { id: license.id } })).json.license.key).toBe(license.key);
    expect((await callRoute(getLicense, { headers, params: { id: "nope" } })).json.error.code).toBe("LICENSE_NOT_FOUND");

    const patched = await callRoute(patchLicense, { method: "PATCH", headers, params: { id: license.id }, body: { seats: 10, status: "SUSPENDED", name: "Renamed" } });
    expect(patched.json.license).toMatchObject({ seats: { limit: 10 }, status: "SUSPENDED", name: "Renamed" });
    const event = await db.event.findFirstOrThrow({ where: { licenseId: license.id, action: "license.suspended" } });
    expect(event.data).toMatchObject({ changes: { seats: { from: null, to: 10 }, status: { from: "ACTIVE", to: "SUSPENDED" } } });
    expect((await callRoute(patchLicense, { method: "PATCH", headers, params: { id: license.id }, body: { bogus: 1 } })).status).toBe(400);
    expect((await callRoute(patchLicense, { method: "PATCH", headers, params: { id: "nope" }, body: { seats: 1 } })).status).toBe(404);

    expect((await callRoute(listProducts, { headers })).json.total).toBeGreaterThanOrEqual(1);
    expect((await callRoute(listPolicies, { headers })).json.policies.length).toBeGreaterThanOrEqual(1);
    expect((await callRoute(listOrganizations, { headers })).json.organizations.some((o: { name: string }) => o.name === "Umbrella Corp")).toBe(true);
  });

  it("lists a license's activations and frees a seat with DELETE", async () => {
    const { authorization } = await makeAdminToken();
    const { key, license } = await makeLicense({ license: { seats: 1 } });
    const a = await callRoute(activate, { body: { key, fingerprint: "machine-1", friendlyName: "Build server" } });
    const list = await callRoute(listActivations, { headers: { authorization }, params: { id: license.id } });
    expect(list.json).toMatchObject({ total: 1, activations: [{ id: a.json.activation.id, friendlyName: "Build server" }] });
    const del = await callRoute(deleteActivation, { method: "DELETE", headers: { authorization }, params: { id: a.json.activation.id } });
    expect(del.status).toBe(200);
    expect(del.json.activation.status).toBe("DEACTIVATED");
    expect((await callRoute(activate, { body: { key, fingerprint: "machine-2" } })).status).toBe(201);
    const again = await callRoute(deleteActivation, { method: "DELETE", headers: { authorization }, params: { id: a.json.activation.id } });
    expect([again.status, again.json.error.code]).toEqual([404, "ACTIVATION_NOT_FOUND"]);
    const event = await db.event.findFirstOrThrow({ where: { activationId: a.json.activation.id, action: "activation.deactivated" } });
    expect(event.actorType).toBe("API_TOKEN");
    expect((await callRoute(listActivations, { headers: { authorization }, params: { id: "nope" } })).status).toBe(404);
  });
});
