// Every /api/v1 route, declared once. Request schemas are imported from where the routes import them.
import { z } from "zod";
import { ZCreateLicense, ZCreateOrganization, ZCreatePolicy, ZCreateProduct, ZListLicenses, ZUpdateLicense, ZUpdatePolicy } from "../admin/schemas";
import { ZRenewLicense, ZUsageQuery } from "../billing/schemas";
import {
  ZActivateInput,
  ZDeactivateInput,
  ZHeartbeatInput,
  ZUserActivateInput,
  ZUserDeactivateInput,
  ZUserHeartbeatInput,
  ZUserValidateInput,
  ZValidateInput,
} from "../licensing/schemas";
import { ZCreateAdminLink, ZCreateOrgUser, ZListOrgUsers, ZRemoveOrgUserQuery, ZTokenRequest, ZUpdateOrgUser } from "../orgs/schemas";
import { ZConcurrencyQuery } from "../reports/schemas";
import { ZCreateWebhookEndpoint, ZGetWebhookQuery, ZListDeliveries, ZUpdateWebhookEndpoint } from "../webhooks/schemas";
import { ZCreateToken, ZLicenseActivationsQuery } from "./route-schemas";
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
/** Client routes take a license key, or a user token and a licenseId: one body shape each, documented as a union. */
function clientBody(variants: Record<string, z.ZodType>) {
  const [byKey, byUser] = Object.values(variants) as [z.ZodType, z.ZodType];
  return {
    body: z.union([byKey.meta({ title: "With a license key" }), byUser.meta({ title: "With a user token (Authorization: Bearer sw_user_…)" })]),
    bodyVariants: variants,
  };
}

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
  ...clientBody({ ZActivateInput, ZUserActivateInput }),
  responses: {
    201: { description: "A new seat was taken", schema: ZSeatResult },
    200: { description: "This fingerprint already held a seat", schema: ZSeatResult },
  },
  errors: [...LICENSE_REFUSALS, "SEAT_LIMIT_REACHED", "USER_ACTIVATION_LIMIT", "EVALUATION_ALREADY_USED", "TOKEN_ALREADY_USED", "INVALID_ACTIVATION_PASSWORD", "CONFLICT"],
});

defineRoute({
  method: "post",
  path: "/api/v1/validate",
  audience: "client",
  auth: "user-optional",
  tags: ["Client"],
  summary: "Validate a license (and this machine's seat)",
  description: "Always 200 with a machine-readable `code`. Send a random `nonce`: it is echoed back, so a replayed answer can be told apart.",
  ...clientBody({ ZValidateInput, ZUserValidateInput }),
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
  ...clientBody({ ZHeartbeatInput, ZUserHeartbeatInput }),
  responses: { 200: { description: "The seat is alive", schema: ZSeatResult } },
  errors: [...LICENSE_REFUSALS, "ACTIVATION_NOT_FOUND", "LEASE_EXPIRED", "DEACTIVATED"],
});

defineRoute({
  method: "post",
  path: "/api/v1/deactivations",
  audience: "client",
  auth: "user-optional",
  tags: ["Client"],
  summary: "Deactivate: free this machine's seat (release a lease)",
  ...clientBody({ ZDeactivateInput, ZUserDeactivateInput }),
  responses: { 200: { description: "The seat is free", schema: ZDeactivation } },
  errors: ["LICENSE_NOT_FOUND", "ACTIVATION_NOT_FOUND", "UNAUTHORIZED", "RATE_LIMITED"],
});

defineRoute({
  method: "post",
  path: "/api/v1/license-files",
  audience: "client",
  auth: "none",
  tags: ["Client", "Offline"],
  summary: "Get a signed license file for offline use",
  description:
    "Same input as a deactivation: the license key and the fingerprint of a machine that holds a seat. " +
    "Verify the file with the public key; see the integration guide for the format.",
  body: ZDeactivateInput,
  responses: { 200: { description: "The armored license file", schema: ZLicenseFile } },
  errors: ["LICENSE_NOT_FOUND", "LICENSE_SUSPENDED", "LICENSE_EXPIRED", "ACTIVATION_NOT_FOUND", "RATE_LIMITED"],
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
  errors: ["RATE_LIMITED"],
});

defineRoute({
  method: "post",
  path: "/api/v1/auth/token",
  audience: "client",
  auth: "none",
  tags: ["Client", "Users"],
  summary: "Sign a user in: email and password for a short-lived user token",
  description: "Repeated wrong passwords for one email or from one address are throttled (429 RATE_LIMITED with Retry-After), like the portal sign-in.",
  body: ZTokenRequest,
  responses: { 201: { description: "A user token", schema: ZUserToken } },
  errors: ["INVALID_CREDENTIALS", "RATE_LIMITED"],
});

defineRoute({
  method: "delete",
  path: "/api/v1/auth/token",
  audience: "client",
  auth: "user",
  tags: ["Client", "Users"],
  summary: "Sign out: revoke the user token this request carries",
  responses: { 200: { description: "The token is revoked", schema: z.object({ revoked: z.literal(true) }) } },
  errors: ["UNAUTHORIZED"],
});

defineRoute({
  method: "get",
  path: "/api/v1/me/licenses",
  audience: "client",
  auth: "user",
  tags: ["Client", "Users"],
  summary: "The licenses of the signed-in user's organization",
  responses: { 200: { description: "Licenses", schema: z.object({ licenses: z.array(ZLicense.catchall(z.unknown())) }) } },
  errors: ["UNAUTHORIZED"],
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

const ZLoose = (description: string) => z.object({}).catchall(z.unknown()).meta({ description });
const ZUserParams = z.object({ id: z.string().meta({ description: "Organization id" }), userId: z.string().meta({ description: "User id" }) });

// Customer organizations' users (the portal) and their sign-up links.
defineRoute({
  method: "post",
  path: "/api/v1/admin/organizations/{id}/users",
  audience: "admin",
  auth: "admin",
  tags: ["Admin", "Users"],
  summary: "Add a user to an organization",
  description: "With a password the user can sign in right away; without one an invitation email is sent.",
  params: ZId,
  body: ZCreateOrgUser,
  responses: { 201: { description: "The user", schema: ZLoose("The user (and invitation, when one was sent)") } },
  errors: ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT"],
});

defineRoute({
  method: "get",
  path: "/api/v1/admin/organizations/{id}/users",
  audience: "admin",
  auth: "admin",
  tags: ["Admin", "Users"],
  summary: "List an organization's users",
  params: ZId,
  query: ZListOrgUsers,
  responses: { 200: { description: "A page of users", schema: ZLoose("users, total, page, pageSize") } },
  errors: ["UNAUTHORIZED", "NOT_FOUND"],
});

defineRoute({
  method: "get",
  path: "/api/v1/admin/organizations/{id}/users/{userId}",
  audience: "admin",
  auth: "admin",
  tags: ["Admin", "Users"],
  summary: "Get a user",
  params: ZUserParams,
  responses: { 200: { description: "The user", schema: z.object({ user: ZLoose("The user") }) } },
  errors: ["UNAUTHORIZED", "NOT_FOUND"],
});

defineRoute({
  method: "patch",
  path: "/api/v1/admin/organizations/{id}/users/{userId}",
  audience: "admin",
  auth: "admin",
  tags: ["Admin", "Users"],
  summary: "Change a user's email, name, role, permissions or password, or disable them",
  params: ZUserParams,
  body: ZUpdateOrgUser,
  responses: { 200: { description: "The updated user", schema: z.object({ user: ZLoose("The user") }) } },
  errors: ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT"],
});

defineRoute({
  method: "delete",
  path: "/api/v1/admin/organizations/{id}/users/{userId}",
  audience: "admin",
  auth: "admin",
  tags: ["Admin", "Users"],
  summary: "Remove a user (optionally freeing their seats)",
  params: ZUserParams,
  query: ZRemoveOrgUserQuery,
  responses: { 200: { description: "The user is removed", schema: ZLoose("What was removed and how many seats were freed") } },
  errors: ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"],
});

defineRoute({
  method: "get",
  path: "/api/v1/admin/organizations/{id}/users/{userId}/emails",
  audience: "admin",
  auth: "admin",
  tags: ["Admin", "Users"],
  summary: "Emails Seatwise sent to a user (invitations), with their delivery status",
  params: ZUserParams,
  responses: { 200: { description: "The emails", schema: ZLoose("emails") } },
  errors: ["UNAUTHORIZED", "NOT_FOUND"],
});

defineRoute({
  method: "post",
  path: "/api/v1/admin/organizations/{id}/invitations",
  audience: "admin",
  auth: "admin",
  tags: ["Admin", "Users"],
  summary: "Create an org-admin sign-up link",
  description: "The link's URL is only in this answer.",
  params: ZId,
  body: ZCreateAdminLink,
  responses: { 201: { description: "The link", schema: z.object({ link: ZLoose("The sign-up link, with its URL") }) } },
  errors: ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT"],
});

defineRoute({
  method: "get",
  path: "/api/v1/admin/organizations/{id}/invitations",
  audience: "admin",
  auth: "admin",
  tags: ["Admin", "Users"],
  summary: "List an organization's pending invitations and sign-up links",
  params: ZId,
  responses: { 200: { description: "Pending invitations", schema: z.object({ invitations: z.array(ZLoose("An invitation (never its URL)")) }) } },
  errors: ["UNAUTHORIZED", "NOT_FOUND"],
});

// Billing periods and floating-seat reports of a license.
defineRoute({
  method: "post",
  path: "/api/v1/admin/licenses/{id}/renew",
  audience: "admin",
  auth: "admin",
  tags: ["Admin"],
  summary: "Renew a license: start a new billing period",
  description: "Send either `durationDays` or `periodEnd` (after the current expiry).",
  params: ZId,
  body: ZRenewLicense,
  responses: { 200: { description: "The renewed license and its new period", schema: ZLoose("license, period") } },
  errors: ["UNAUTHORIZED", "FORBIDDEN", "LICENSE_NOT_FOUND"],
});

defineRoute({
  method: "get",
  path: "/api/v1/admin/licenses/{id}/usage",
  audience: "admin",
  auth: "admin",
  tags: ["Admin"],
  summary: "Seat usage of a billing period (default: the current one)",
  params: ZId,
  query: ZUsageQuery,
  responses: { 200: { description: "Usage of the period", schema: ZLoose("period, peak seats, overage") } },
  errors: ["UNAUTHORIZED", "LICENSE_NOT_FOUND", "NOT_FOUND"],
});

defineRoute({
  method: "get",
  path: "/api/v1/admin/licenses/{id}/periods",
  audience: "admin",
  auth: "admin",
  tags: ["Admin"],
  summary: "A license's billing periods",
  params: ZId,
  responses: { 200: { description: "The periods, newest first", schema: ZLoose("periods") } },
  errors: ["UNAUTHORIZED", "LICENSE_NOT_FOUND"],
});

defineRoute({
  method: "get",
  path: "/api/v1/admin/licenses/{id}/leases",
  audience: "admin",
  auth: "admin",
  tags: ["Admin"],
  summary: "A floating license's current leases, soonest to expire first",
  params: ZId,
  responses: { 200: { description: "Current leases", schema: z.object({ leases: z.array(ZLoose("A lease")) }) } },
  errors: ["UNAUTHORIZED", "NOT_FOUND"],
});

defineRoute({
  method: "get",
  path: "/api/v1/admin/licenses/{id}/concurrency",
  audience: "admin",
  auth: "admin",
  tags: ["Admin"],
  summary: "Concurrent seats over time",
  description: "Add `format=csv` for a CSV download instead of JSON.",
  params: ZId,
  query: ZConcurrencyQuery,
  responses: { 200: { description: "The report (or text/csv with format=csv)", schema: ZLoose("points, seatLimit, range, bucket") } },
  errors: ["UNAUTHORIZED", "LICENSE_NOT_FOUND"],
});

defineRoute({
  method: "post",
  path: "/api/v1/admin/signing-keys/rotate",
  audience: "admin",
  auth: "admin",
  tags: ["Admin", "Offline"],
  summary: "Rotate the Ed25519 signing key",
  description: "New answers and license files are signed with the new key; old keys stay listed by GET /api/v1/public-key.",
  responses: { 201: { description: "The new active key", schema: ZLoose("keyId, publicKey") } },
  errors: ["UNAUTHORIZED", "FORBIDDEN"],
});

// Webhook endpoints and their deliveries.
const ZWebhookParams = z.object({ id: z.string().meta({ description: "Webhook endpoint id" }) });
const ZWebhook = ZLoose("A webhook endpoint (its secret only on create or with includeSecret=true)");

defineRoute({
  method: "get",
  path: "/api/v1/admin/webhooks",
  audience: "admin",
  auth: "admin",
  tags: ["Admin", "Webhooks"],
  summary: "List webhook endpoints",
  responses: { 200: { description: "Endpoints", schema: z.object({ webhooks: z.array(ZWebhook) }) } },
  errors: ["UNAUTHORIZED"],
});

defineRoute({
  method: "post",
  path: "/api/v1/admin/webhooks",
  audience: "admin",
  auth: "admin",
  tags: ["Admin", "Webhooks"],
  summary: "Add a webhook endpoint",
  description: "The answer carries the signing secret. An empty `events` list subscribes to every event type.",
  body: ZCreateWebhookEndpoint,
  responses: { 201: { description: "The endpoint, with its secret", schema: z.object({ webhook: ZWebhook }) } },
  errors: ["UNAUTHORIZED", "FORBIDDEN"],
});

defineRoute({
  method: "get",
  path: "/api/v1/admin/webhooks/{id}",
  audience: "admin",
  auth: "admin",
  tags: ["Admin", "Webhooks"],
  summary: "Get a webhook endpoint",
  params: ZWebhookParams,
  query: ZGetWebhookQuery,
  responses: { 200: { description: "The endpoint", schema: z.object({ webhook: ZWebhook }) } },
  errors: ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"],
});

defineRoute({
  method: "patch",
  path: "/api/v1/admin/webhooks/{id}",
  audience: "admin",
  auth: "admin",
  tags: ["Admin", "Webhooks"],
  summary: "Change a webhook endpoint (or rotate its secret)",
  params: ZWebhookParams,
  body: ZUpdateWebhookEndpoint,
  responses: { 200: { description: "The endpoint", schema: z.object({ webhook: ZWebhook }) } },
  errors: ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"],
});

defineRoute({
  method: "delete",
  path: "/api/v1/admin/webhooks/{id}",
  audience: "admin",
  auth: "admin",
  tags: ["Admin", "Webhooks"],
  summary: "Delete a webhook endpoint",
  params: ZWebhookParams,
  responses: { 200: { description: "Deleted", schema: ZLoose("deleted") } },
  errors: ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND"],
});

defineRoute({
  method: "post",
  path: "/api/v1/admin/webhooks/{id}/ping",
  audience: "admin",
  auth: "admin",
  tags: ["Admin", "Webhooks"],
  summary: "Send a test ping (webhook.ping) now",
  params: ZWebhookParams,
  responses: { 201: { description: "The delivery attempt", schema: z.object({ delivery: ZLoose("A delivery") }) } },
  errors: ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT"],
});

defineRoute({
  method: "get",
  path: "/api/v1/admin/webhooks/{id}/deliveries",
  audience: "admin",
  auth: "admin",
  tags: ["Admin", "Webhooks"],
  summary: "List an endpoint's deliveries",
  params: ZWebhookParams,
  query: ZListDeliveries,
  responses: { 200: { description: "A page of deliveries", schema: ZLoose("deliveries, total, page, pageSize") } },
  errors: ["UNAUTHORIZED", "NOT_FOUND"],
});

defineRoute({
  method: "post",
  path: "/api/v1/admin/webhooks/{id}/deliveries/{deliveryId}/resend",
  audience: "admin",
  auth: "admin",
  tags: ["Admin", "Webhooks"],
  summary: "Resend a delivery now",
  params: z.object({ id: z.string().meta({ description: "Webhook endpoint id" }), deliveryId: z.string().meta({ description: "Delivery id" }) }),
  responses: { 201: { description: "The new attempt", schema: z.object({ delivery: ZLoose("A delivery") }) } },
  errors: ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT"],
});

// Seat rules: policy changes and token keys (one single-use activation key per seat).
defineRoute({
  method: "patch",
  path: "/api/v1/admin/policies/{id}",
  audience: "admin",
  auth: "admin",
  tags: ["Admin"],
  summary: "Change a policy (seats, duration, lease, seat rules, entitlements)",
  description: "Licenses without their own overrides follow the policy.",
  params: ZId,
  body: ZUpdatePolicy,
  responses: { 200: { description: "The updated policy", schema: z.object({ policy: ZAdminPolicy }) } },
  errors: ["UNAUTHORIZED", "FORBIDDEN", "NOT_FOUND", "CONFLICT"],
});

defineRoute({
  method: "get",
  path: "/api/v1/admin/licenses/{id}/token-keys",
  audience: "admin",
  auth: "admin",
  tags: ["Admin"],
  summary: "List a license's token keys",
  params: ZId,
  responses: { 200: { description: "Token keys", schema: z.object({ tokenKeys: z.array(ZLoose("A token key and whether it was used")), total: z.number().int() }) } },
  errors: ["UNAUTHORIZED", "NOT_FOUND"],
});

defineRoute({
  method: "post",
  path: "/api/v1/admin/licenses/{id}/token-keys",
  audience: "admin",
  auth: "admin",
  tags: ["Admin"],
  summary: "Issue the missing token keys (one per seat)",
  params: ZId,
  responses: {
    201: { description: "Keys were issued", schema: z.object({ issued: z.number().int(), tokenKeys: z.array(ZLoose("A token key")), total: z.number().int() }) },
    200: { description: "Every seat already has a key", schema: z.object({ issued: z.literal(0), tokenKeys: z.array(ZLoose("A token key")), total: z.number().int() }) },
  },
  errors: ["UNAUTHORIZED", "FORBIDDEN", "LICENSE_NOT_FOUND"],
});
