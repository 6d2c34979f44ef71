// Every /api/v1 route, declared once. Request schemas are imported from where the routes import them.
import { z } from "zod";
import { ZCreateLicense, ZCreateOrganization, ZCreatePolicy, ZCreateProduct, ZListLicenses, ZUpdateLicense } from "../admin/schemas";
import { ZActivateInput, ZDeactivateInput, ZHeartbeatInput, ZValidateInput } from "../licensing/schemas";
import { ZCreateToken, ZLicenseActivationsQuery, ZLicenseFileInput, ZSignInInput } from "./route-schemas";
import { defineRoute } from "./registry";
import {
  ZActivation,
  ZAdminLicense,
  ZAdminOrganization,
  ZAdminPolicy,
  ZAdminProduct,
  ZDeactivation,
  ZLicense,
  ZLicenseFile,
  ZPublicKey,
  ZSeatResult,
  ZUserToken,
  ZValidation,
} from "./schemas";

const ZId = z.object({ id: z.string().meta({ description: "Resource id" }) });
const LICENSE_REFUSALS = ["LICENSE_NOT_FOUND", "LICENSE_SUSPENDED", "LICENSE_EXPIRED", "UNAUTHORIZED", "RATE_LIMITED"] as const;

// Client API: what desktop and on-prem apps call (and what the on-prem relay forwards).
defineRoute({
  method: "post",
  path: "/api/v1/activations",
  audience: "client",
  auth: "user-optional",
  tags: ["Client"],
  summary: "Activate a seat (or check out a floating lease)",
  description:
    "Takes a seat for the machine's fingerprint. Idempotent: the same fingerprint gets the same seat back (200). " +
    "On a FLOATING license this checks out a lease until activation.leaseExpiresAt; when every seat is leased the answer is 409 SEAT_LIMIT_REACHED with Retry-After. " +
    "Send `{key, fingerprint}`, or with a user token (Authorization: Bearer sw_user_…) `{licenseId, fingerprint}`.",
  body: ZActivateInput,
  responses: {
    201: { description: "A new seat was taken", schema: ZSeatResult },
    200: { description: "This fingerprint already held a seat", schema: ZSeatResult },
  },
  errors: [...LICENSE_REFUSALS, "SEAT_LIMIT_REACHED", "USER_ACTIVATION_LIMIT", "EVALUATION_ALREADY_USED", "TOKEN_ALREADY_USED", "INVALID_ACTIVATION_PASSWORD"],
});

defineRoute({
  method: "post",
  path: "/api/v1/validate",
  audience: "client",
  auth: "user-optional",
  tags: ["Client"],
  summary: "Validate a license (and this machine's seat)",
  description: "Always 200 with a machine-readable `code`. Send a random `nonce`: it is echoed back, so a replayed answer can be told apart.",
  body: ZValidateInput,
  responses: { 200: { description: "The verdict", schema: ZValidation } },
  errors: ["UNAUTHORIZED", "RATE_LIMITED"],
});

defineRoute({
  method: "post",
  path: "/api/v1/heartbeats",
  audience: "client",
  auth: "user-optional",
  tags: ["Client"],
  summary: "Heartbeat: keep the seat, renew a floating lease",
  description: "A heartbeat after a floating lease expired re-leases when a seat is free, otherwise answers 409 LEASE_EXPIRED.",
  body: ZHeartbeatInput,
  responses: { 200: { description: "The seat is alive", schema: ZSeatResult } },
  errors: [...LICENSE_REFUSALS, "ACTIVATION_NOT_FOUND", "LEASE_EXPIRED"],
});

defineRoute({
  method: "post",
  path: "/api/v1/deactivations",
  audience: "client",
  auth: "user-optional",
  tags: ["Client"],
  summary: "Deactivate: free this machine's seat (release a lease)",
  body: ZDeactivateInput,
  responses: { 200: { description: "The seat is free", schema: ZDeactivation } },
  errors: ["LICENSE_NOT_FOUND", "ACTIVATION_NOT_FOUND", "UNAUTHORIZED", "RATE_LIMITED"],
});

defineRoute({
  method: "post",
  path: "/api/v1/license-files",
  audience: "client",
  auth: "user-optional",
  tags: ["Client", "Offline"],
  summary: "Get a signed license file for offline use",
  description: "For a machine that holds a seat. Verify it with the public key; see the integration guide for the format.",
  body: ZLicenseFileInput,
  responses: { 200: { description: "The armored license file", schema: ZLicenseFile } },
  errors: [...LICENSE_REFUSALS, "ACTIVATION_NOT_FOUND"],
  pending: true,
});

defineRoute({
  method: "get",
  path: "/api/v1/public-key",
  audience: "client",
  auth: "none",
  tags: ["Client", "Offline"],
  summary: "The vendor's Ed25519 public keys",
  description: "Embed the key in your app at build time; old keys stay listed after a rotation.",
  responses: { 200: { description: "Active key and every key by keyId", schema: ZPublicKey } },
  errors: [],
  pending: true,
});

defineRoute({
  method: "post",
  path: "/api/v1/auth/token",
  audience: "client",
  auth: "none",
  tags: ["Client", "Users"],
  summary: "Sign a user in: email and password for a short-lived user token",
  body: ZSignInInput,
  responses: { 200: { description: "A user token", schema: ZUserToken } },
  errors: ["INVALID_CREDENTIALS", "RATE_LIMITED"],
  pending: true,
});

defineRoute({
  method: "get",
  path: "/api/v1/me/licenses",
  audience: "client",
  auth: "user",
  tags: ["Client", "Users"],
  summary: "The licenses of the signed-in user's organization",
  responses: { 200: { description: "Licenses", schema: z.object({ licenses: z.array(ZLicense) }) } },
  errors: ["UNAUTHORIZED"],
  pending: true,
});

defineRoute({
  method: "get",
  path: "/api/v1/openapi.json",
  audience: "public",
  auth: "none",
  tags: ["Meta"],
  summary: "This OpenAPI 3.1 document",
  responses: { 200: { description: "The document", schema: z.object({ openapi: z.string() }).catchall(z.unknown()) } },
  errors: [],
});

// Admin API: vendor back-office automation with an admin API token.
defineRoute({
  method: "post",
  path: "/api/v1/admin/tokens",
  audience: "admin",
  auth: "basic",
  tags: ["Admin"],
  summary: "Exchange staff credentials (HTTP Basic) for an admin API token",
  body: ZCreateToken,
  manualBody: true,
  responses: {
    201: {
      description: "The token (shown once)",
      schema: z.object({ token: z.string(), apiToken: z.object({ id: z.string(), name: z.string(), prefix: z.string(), createdAt: z.string() }) }),
    },
  },
  errors: ["UNAUTHORIZED", "INVALID_CREDENTIALS"],
});

for (const [path, noun, create, item, schema] of [
  ["/api/v1/admin/products", "product", ZCreateProduct, "products", ZAdminProduct],
  ["/api/v1/admin/policies", "policy", ZCreatePolicy, "policies", ZAdminPolicy],
  ["/api/v1/admin/organizations", "organization", ZCreateOrganization, "organizations", ZAdminOrganization],
] as const) {
  defineRoute({
    method: "post",
    path,
    audience: "admin",
    auth: "admin",
    tags: ["Admin"],
    summary: `Create a ${noun}`,
    body: create,
    responses: { 201: { description: "Created", schema: z.object({ [noun]: schema }) } },
    errors: ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT"],
  });
  defineRoute({
    method: "get",
    path,
    audience: "admin",
    auth: "admin",
    tags: ["Admin"],
    summary: `List ${item}`,
    responses: { 200: { description: "All of them", schema: z.object({ [item]: z.array(schema), total: z.number().int() }) } },
    errors: ["UNAUTHORIZED"],
  });
}

defineRoute({
  method: "post",
  path: "/api/v1/admin/licenses",
  audience: "admin",
  auth: "admin",
  tags: ["Admin"],
  summary: "Create a license",
  body: ZCreateLicense,
  responses: { 201: { description: "Created", schema: z.object({ license: ZAdminLicense }) } },
  errors: ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"],
});

defineRoute({
  method: "get",
  path: "/api/v1/admin/licenses",
  audience: "admin",
  auth: "admin",
  tags: ["Admin"],
  summary: "List and search licenses",
  query: ZListLicenses,
  responses: {
    200: {
      description: "A page of licenses",
      schema: z.object({ licenses: z.array(ZAdminLicense), total: z.number().int(), page: z.number().int(), pageSize: z.number().int() }),
    },
  },
  errors: ["UNAUTHORIZED"],
});

defineRoute({
  method: "get",
  path: "/api/v1/admin/licenses/{id}",
  audience: "admin",
  auth: "admin",
  tags: ["Admin"],
  summary: "Get a license",
  params: ZId,
  responses: { 200: { description: "The license", schema: z.object({ license: ZAdminLicense }) } },
  errors: ["UNAUTHORIZED", "NOT_FOUND"],
});

defineRoute({
  method: "patch",
  path: "/api/v1/admin/licenses/{id}",
  audience: "admin",
  auth: "admin",
  tags: ["Admin"],
  summary: "Change seats, status, expiry, name or notes of a license",
  params: ZId,
  body: ZUpdateLicense,
  responses: { 200: { description: "The updated license", schema: z.object({ license: ZAdminLicense }) } },
  errors: ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"],
});

defineRoute({
  method: "get",
  path: "/api/v1/admin/licenses/{id}/activations",
  audience: "admin",
  auth: "admin",
  tags: ["Admin"],
  summary: "List a license's activations",
  params: ZId,
  query: ZLicenseActivationsQuery,
  responses: { 200: { description: "A page of activations", schema: z.object({ activations: z.array(ZActivation), total: z.number().int() }) } },
  errors: ["UNAUTHORIZED", "NOT_FOUND"],
});

defineRoute({
  method: "delete",
  path: "/api/v1/admin/activations/{id}",
  audience: "admin",
  auth: "admin",
  tags: ["Admin"],
  summary: "Deactivate an activation (free the seat)",
  params: ZId,
  responses: { 200: { description: "The seat is free", schema: ZDeactivation } },
  errors: ["UNAUTHORIZED", "FORBIDDEN", "ACTIVATION_NOT_FOUND", "NOT_FOUND"],
});
