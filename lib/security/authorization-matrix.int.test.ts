/**
 * The authorization matrix: every route (API handler, page, server action) × every kind of actor,
 * each cell an exact status. A route file without a row fails the suite, so a new route can't ship
 * without someone deciding who may call it.
 *
 * Cells: an HTTP status for API routes and server actions (200 = the action ran; an ApiError's status
 * otherwise); for pages 200 = rendered, "redirect:<path>" = sent elsewhere (e.g. to sign in).
 */
import { readdirSync, readFileSync, statSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { TSessionUser } from "@/lib/auth/auth-options";
import { ApiError, ERROR_STATUS } from "@/lib/api/errors";
import { activateSeat } from "@/lib/licensing/activate-seat";
import { activateUserSeat } from "@/lib/licensing/user-seats";
import { createOrgUser } from "@/lib/orgs/create-org-user";
import { authenticateUserToken } from "@/lib/orgs/user-tokens";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { db } from "@/lib/db";
import { staffCtx } from "@/lib/test/factories";
import { callRoute, type TCallOptions } from "@/lib/test/http";
import { makeLicense, makeStaff, uniq } from "@/lib/test/factories";
import { createApiToken } from "@/lib/auth/api-tokens";
import { ACTORS, buildWorld, type TActor, type TActorName, type TWorld } from "./actors";

process.env.SEATWISE_SECRET ||= "authorization-matrix-test-secret";

const session = vi.hoisted(() => ({ user: null as TSessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
// A client component (the Scalar reference) that imports CSS: rendered in the browser, not here.
vi.mock("@/components/docs/api-reference", () => ({ ApiReference: () => null }));
// Actions read the caller's address from the request headers; here there is no request.
vi.mock("next/headers", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/headers")>()), headers: async () => new Headers() }));
vi.mock("next/cache", () => ({ revalidatePath: () => undefined, revalidateTag: () => undefined }));

const ROOT = path.resolve(import.meta.dirname, "../..");
const UNKNOWN_KEY = "ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ-ZZZZZ";
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

type TCell = number | `redirect:${string}`;
type TExpect = Record<TActorName, TCell>;
type TRow =
  | { kind: "route"; file: string; method: (typeof METHODS)[number]; variant?: string; expect: TExpect; request: (w: TWorld, a: TActor) => TCallOptions | Promise<TCallOptions> }
  | { kind: "page"; file: string; variant?: string; expect: TExpect; searchParams?: Record<string, string> | ((w: TWorld) => Record<string, string>); params?: (w: TWorld) => Record<string, string> }
  | { kind: "action"; file: string; name: string; variant?: string; expect: TExpect; args: (w: TWorld, a: TActor) => unknown[] | Promise<unknown[]> }
  | { kind: "external"; file: string; method: (typeof METHODS)[number]; reason: string };

/** `otherwise` for every actor, except those listed. */
function only(allowed: Partial<TExpect>, otherwise: TCell): TExpect {
  return Object.fromEntries(ACTORS.map((a) => [a, allowed[a] ?? otherwise])) as TExpect;
}
const STAFF_SESSION = (cell: TCell, otherwise: TCell) => only({ readOnlyStaff: cell, adminStaff: cell }, otherwise);
const ORG_SESSION = (cell: TCell): Partial<TExpect> => ({ orgMember: cell, orgAdmin: cell, orgAdminOther: cell });
const CONSOLE = STAFF_SESSION(200, "redirect:/login");
/** Portal pages: `member` for orgMember, `admin` for both org admins (each in their own organization). */
const PORTAL = (member: TCell, admin: TCell): TExpect => ({
  ...STAFF_SESSION("redirect:/console", "redirect:/login"),
  orgMember: member,
  orgAdmin: admin,
  orgAdminOther: admin,
});
const CONSOLE_PAGES = [
  "app/console/page.tsx",
  "app/console/billing/page.tsx",
  "app/console/customers/page.tsx",
  "app/console/events/page.tsx",
  "app/console/licenses/page.tsx",
  "app/console/products/page.tsx",
  "app/console/settings/page.tsx",
  "app/console/settings/email/page.tsx",
  "app/console/settings/emails/page.tsx",
  "app/console/settings/outbox/page.tsx",
  "app/console/settings/signing-key/page.tsx",
  "app/console/settings/staff/page.tsx",
  "app/console/settings/tokens/page.tsx",
  "app/console/settings/webhooks/page.tsx",
];
const CONSOLE_ID_PAGES: [string, (w: TWorld) => string][] = [
  ["app/console/customers/[id]/page.tsx", (w) => w.organizationId],
  ["app/console/licenses/[id]/page.tsx", (w) => w.licenseId],
  ["app/console/licenses/[id]/billing/page.tsx", (w) => w.licenseId],
  ["app/console/licenses/[id]/concurrency/page.tsx", (w) => w.licenseId],
  ["app/console/licenses/[id]/leases/page.tsx", (w) => w.licenseId],
  ["app/console/licenses/[id]/license-file/page.tsx", (w) => w.licenseId],
  ["app/console/policies/[id]/page.tsx", (w) => w.policyId],
  ["app/console/products/[id]/page.tsx", (w) => w.productId],
  ["app/console/settings/webhooks/[id]/page.tsx", (w) => w.webhookId],
];
const STAFF_ACTION = (admin: TCell) => only({ adminStaff: admin, readOnlyStaff: 403 }, 401);
/** Portal actions: anyone without a portal session is 401. */
const PORTAL_ACTION = (member: TCell, admin: TCell, otherAdmin: TCell) => only({ orgMember: member, orgAdmin: admin, orgAdminOther: otherAdmin }, 401);
const ADMIN_READ = only({ adminToken: 200, readOnlyToken: 200 }, 401);
const ADMIN_CREATE = only({ adminToken: 201, readOnlyToken: 403 }, 401);
const ADMIN_WRITE = only({ adminToken: 200, readOnlyToken: 403 }, 401);

/**
 * Client routes: the key holder sends the license key, the end-user token holder its own organization's
 * licenseId (or, with `foreign`, another organization's); everyone else sends their own credentials and
 * a key they don't hold.
 */
function clientBody(w: TWorld, a: TActor, extra: Record<string, unknown> = {}, foreign = false) {
  if (a.name === "licenseKey") return { headers: {}, body: { key: w.key, ...extra } };
  if (a.name === "userToken") return { headers: a.headers, body: { licenseId: foreign ? w.otherLicenseId : w.licenseId, ...extra } };
  return { headers: a.headers, body: { key: UNKNOWN_KEY, ...extra } };
}
/** A seat held by this actor: a user token's own seat for the token holder, a key seat otherwise. */
async function heldSeat(w: TWorld, a?: TActor) {
  const fingerprint = uniq("fp");
  if (a?.name === "userToken") {
    const user = await authenticateUserToken(a.headers.authorization!.replace(/^Bearer /, ""));
    await activateUserSeat(user, { licenseId: w.licenseId, fingerprint }, { actor: { type: "SYSTEM" } });
  } else await activateSeat({ key: w.key, fingerprint }, { actor: { type: "SYSTEM" } });
  return fingerprint;
}
const ADMIN_404 = only({ adminToken: 404, readOnlyToken: 404 }, 401);
const ADMIN_WRITE_404 = only({ adminToken: 404, readOnlyToken: 403 }, 401);
const HOOK_URL = "http://127.0.0.1:9/seatwise-matrix"; // closed port: a delivery attempt fails at once
async function webhookId(enabled = true, url = HOOK_URL) {
  return (await createWebhookEndpoint({ url, enabled }, staffCtx)).id;
}
/** A local receiver that acknowledges every delivery, for actions that report the delivery's outcome. */
let receiver: Server;
const hookUrl = () => `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hooks`;
async function freshOrgUser(w: TWorld) {
  return (await createOrgUser(w.organizationId, { email: `${uniq("m")}@example.test`, name: "Matrix", password: "matrix password 1" }, staffCtx)).user.id;
}
const basicFor = (a: TActor) =>
  a.password ? { authorization: `Basic ${Buffer.from(`${a.password.email}:${a.password.password}`).toString("base64")}` } : a.headers;

const ROWS: TRow[] = [
  // Client API: authorized by possession of a license key, nothing else.
  { kind: "route", file: "app/api/v1/activations/route.ts", method: "POST", expect: only({ licenseKey: 201, userToken: 201 }, 404), request: (w, a) => clientBody(w, a, { fingerprint: uniq("fp") }) },
  { kind: "route", file: "app/api/v1/activations/route.ts", method: "POST", variant: "another organization's license", expect: only({ licenseKey: 201 }, 404), request: (w, a) => clientBody(w, a, { fingerprint: uniq("fp") }, true) },
  { kind: "route", file: "app/api/v1/validate/route.ts", method: "POST", expect: only({}, 200), request: (w, a) => clientBody(w, a) },
  { kind: "route", file: "app/api/v1/validate/route.ts", method: "POST", variant: "another organization's license", expect: only({ userToken: 404 }, 200), request: (w, a) => clientBody(w, a, {}, true) },
  { kind: "route", file: "app/api/v1/heartbeats/route.ts", method: "POST", expect: only({ licenseKey: 200, userToken: 200 }, 404), request: async (w, a) => clientBody(w, a, { fingerprint: await heldSeat(w, a) }) },
  { kind: "route", file: "app/api/v1/heartbeats/route.ts", method: "POST", variant: "another organization's license", expect: only({ licenseKey: 200 }, 404), request: async (w, a) => clientBody(w, a, { fingerprint: await heldSeat(w, a) }, true) },
  { kind: "route", file: "app/api/v1/deactivations/route.ts", method: "POST", expect: only({ licenseKey: 200, userToken: 200 }, 404), request: async (w, a) => clientBody(w, a, { fingerprint: await heldSeat(w, a) }) },
  { kind: "route", file: "app/api/v1/deactivations/route.ts", method: "POST", variant: "another organization's license", expect: only({ licenseKey: 200 }, 404), request: async (w, a) => clientBody(w, a, { fingerprint: await heldSeat(w, a) }, true) },
  // Offline: a license file for a device holding a seat; the public keys are public.
  { kind: "route", file: "app/api/v1/license-files/route.ts", method: "POST", expect: only({ licenseKey: 200 }, 404), request: async (w, a) => ({ headers: a.headers, body: { key: a.name === "licenseKey" ? w.key : UNKNOWN_KEY, fingerprint: await heldSeat(w) } }) },
  { kind: "route", file: "app/api/v1/public-key/route.ts", method: "GET", expect: only({}, 200), request: (_w, a) => ({ headers: a.headers }) },
  { kind: "route", file: "app/api/v1/openapi.json/route.ts", method: "GET", expect: only({}, 200), request: (_w, a) => ({ headers: a.headers }) },
  { kind: "route", file: "app/api/health/route.ts", method: "GET", expect: only({}, 200), request: (_w, a) => ({ headers: a.headers }) },
  // End users: a token for email + password; the token lists only its own organization's licenses.
  {
    kind: "route", file: "app/api/v1/auth/token/route.ts", method: "POST", expect: only({ userToken: 201 }, 401),
    request: async (w, a) => {
      if (a.name !== "userToken") return { headers: a.headers, body: { email: a.password?.email ?? `${uniq("nobody")}@example.test`, password: a.password?.password ?? "wrong password" } };
      const email = `${uniq("tok")}@example.test`;
      await createOrgUser(w.organizationId, { email, name: "Token", password: "token password 1" }, staffCtx);
      return { body: { email, password: "token password 1" } };
    },
  },
  // Each cell revokes the token it sends, so the end-user cell uses a token of its own.
  {
    kind: "route", file: "app/api/v1/auth/token/route.ts", method: "DELETE", expect: only({ userToken: 200 }, 401),
    request: async (w, a) => {
      if (a.name !== "userToken") return { method: "DELETE", headers: a.headers };
      const email = `${uniq("out")}@example.test`;
      await createOrgUser(w.organizationId, { email, name: "Out", password: "token password 1" }, staffCtx);
      const { issueUserToken } = await import("@/lib/orgs/user-tokens");
      return { method: "DELETE", headers: { authorization: `Bearer ${(await issueUserToken(email, "token password 1", staffCtx)).token}` } };
    },
  },
  { kind: "route", file: "app/api/v1/me/licenses/route.ts", method: "GET", expect: only({ userToken: 200 }, 401), request: (_w, a) => ({ headers: a.headers }) },

  // Admin API: bearer admin tokens only; a console session cookie is not an API credential.
  { kind: "route", file: "app/api/v1/admin/tokens/route.ts", method: "POST", expect: STAFF_SESSION(201, 401), request: (_w, a) => ({ method: "POST", headers: basicFor(a), body: { name: "matrix" } }) },
  { kind: "route", file: "app/api/v1/admin/products/route.ts", method: "GET", expect: ADMIN_READ, request: (_w, a) => ({ headers: a.headers }) },
  { kind: "route", file: "app/api/v1/admin/products/route.ts", method: "POST", expect: ADMIN_CREATE, request: (_w, a) => ({ headers: a.headers, body: { name: "P", code: uniq("p") } }) },
  { kind: "route", file: "app/api/v1/admin/policies/route.ts", method: "GET", expect: ADMIN_READ, request: (_w, a) => ({ headers: a.headers }) },
  { kind: "route", file: "app/api/v1/admin/policies/route.ts", method: "POST", expect: ADMIN_CREATE, request: (w, a) => ({ headers: a.headers, body: { productId: w.productId, name: "Pol", seats: 2 } }) },
  { kind: "route", file: "app/api/v1/admin/organizations/route.ts", method: "GET", expect: ADMIN_READ, request: (_w, a) => ({ headers: a.headers }) },
  { kind: "route", file: "app/api/v1/admin/organizations/route.ts", method: "POST", expect: ADMIN_CREATE, request: (_w, a) => ({ headers: a.headers, body: { name: uniq("Org") } }) },
  { kind: "route", file: "app/api/v1/admin/licenses/route.ts", method: "GET", expect: ADMIN_READ, request: (_w, a) => ({ headers: a.headers }) },
  { kind: "route", file: "app/api/v1/admin/licenses/route.ts", method: "POST", expect: ADMIN_CREATE, request: (w, a) => ({ headers: a.headers, body: { policyId: w.policyId, organizationId: w.organizationId } }) },
  { kind: "route", file: "app/api/v1/admin/licenses/[id]/route.ts", method: "GET", expect: ADMIN_READ, request: (w, a) => ({ headers: a.headers, params: { id: w.licenseId } }) },
  { kind: "route", file: "app/api/v1/admin/licenses/[id]/route.ts", method: "GET", variant: "unknown id", expect: only({ adminToken: 404, readOnlyToken: 404 }, 401), request: (_w, a) => ({ headers: a.headers, params: { id: "nope" } }) },
  { kind: "route", file: "app/api/v1/admin/licenses/[id]/route.ts", method: "PATCH", expect: ADMIN_WRITE, request: (w, a) => ({ method: "PATCH", headers: a.headers, params: { id: w.otherLicenseId }, body: { notes: "matrix" } }) },
  { kind: "route", file: "app/api/v1/admin/licenses/[id]/route.ts", method: "PATCH", variant: "unknown id", expect: only({ adminToken: 404, readOnlyToken: 403 }, 401), request: (_w, a) => ({ method: "PATCH", headers: a.headers, params: { id: "nope" }, body: { notes: "x" } }) },
  { kind: "route", file: "app/api/v1/admin/licenses/[id]/activations/route.ts", method: "GET", expect: ADMIN_READ, request: (w, a) => ({ headers: a.headers, params: { id: w.licenseId } }) },
  { kind: "route", file: "app/api/v1/admin/licenses/[id]/activations/route.ts", method: "GET", variant: "unknown id", expect: only({ adminToken: 404, readOnlyToken: 404 }, 401), request: (_w, a) => ({ headers: a.headers, params: { id: "nope" } }) },
  {
    kind: "route", file: "app/api/v1/admin/activations/[id]/route.ts", method: "DELETE", expect: ADMIN_WRITE,
    request: async (w, a) => {
      const { activation } = await activateSeat({ key: w.key, fingerprint: uniq("fp") }, { actor: { type: "SYSTEM" } });
      return { method: "DELETE", headers: a.headers, params: { id: activation.id } };
    },
  },
  { kind: "route", file: "app/api/v1/admin/activations/[id]/route.ts", method: "DELETE", variant: "unknown id", expect: only({ adminToken: 404, readOnlyToken: 403 }, 401), request: (_w, a) => ({ method: "DELETE", headers: a.headers, params: { id: "nope" } }) },
  // Billing, floating-seat reports, signing keys.
  { kind: "route", file: "app/api/v1/admin/licenses/[id]/renew/route.ts", method: "POST", expect: ADMIN_WRITE, request: (w, a) => ({ headers: a.headers, params: { id: w.otherLicenseId }, body: { durationDays: 30 } }) },
  { kind: "route", file: "app/api/v1/admin/licenses/[id]/renew/route.ts", method: "POST", variant: "unknown id", expect: ADMIN_WRITE_404, request: (_w, a) => ({ headers: a.headers, params: { id: "nope" }, body: { durationDays: 30 } }) },
  { kind: "route", file: "app/api/v1/admin/licenses/[id]/usage/route.ts", method: "GET", expect: ADMIN_READ, request: (w, a) => ({ headers: a.headers, params: { id: w.licenseId } }) },
  { kind: "route", file: "app/api/v1/admin/licenses/[id]/usage/route.ts", method: "GET", variant: "unknown id", expect: ADMIN_404, request: (_w, a) => ({ headers: a.headers, params: { id: "nope" } }) },
  { kind: "route", file: "app/api/v1/admin/licenses/[id]/periods/route.ts", method: "GET", expect: ADMIN_READ, request: (w, a) => ({ headers: a.headers, params: { id: w.licenseId } }) },
  { kind: "route", file: "app/api/v1/admin/licenses/[id]/periods/route.ts", method: "GET", variant: "unknown id", expect: ADMIN_404, request: (_w, a) => ({ headers: a.headers, params: { id: "nope" } }) },
  { kind: "route", file: "app/api/v1/admin/licenses/[id]/leases/route.ts", method: "GET", expect: ADMIN_READ, request: (w, a) => ({ headers: a.headers, params: { id: w.licenseId } }) },
  { kind: "route", file: "app/api/v1/admin/licenses/[id]/leases/route.ts", method: "GET", variant: "unknown id", expect: ADMIN_404, request: (_w, a) => ({ headers: a.headers, params: { id: "nope" } }) },
  { kind: "route", file: "app/api/v1/admin/licenses/[id]/concurrency/route.ts", method: "GET", expect: ADMIN_READ, request: (w, a) => ({ headers: a.headers, params: { id: w.licenseId } }) },
  { kind: "route", file: "app/api/v1/admin/licenses/[id]/concurrency/route.ts", method: "GET", variant: "unknown id", expect: ADMIN_404, request: (_w, a) => ({ headers: a.headers, params: { id: "nope" } }) },
  { kind: "route", file: "app/api/v1/admin/signing-keys/rotate/route.ts", method: "POST", expect: ADMIN_CREATE, request: (_w, a) => ({ headers: a.headers }) },

  // Seat rules: policy changes and token keys.
  { kind: "route", file: "app/api/v1/admin/policies/[id]/route.ts", method: "PATCH", expect: ADMIN_WRITE, request: (w, a) => ({ headers: a.headers, params: { id: w.policyId }, body: { name: "Matrix policy" } }) },
  { kind: "route", file: "app/api/v1/admin/policies/[id]/route.ts", method: "PATCH", variant: "unknown id", expect: ADMIN_WRITE_404, request: (_w, a) => ({ headers: a.headers, params: { id: "nope" }, body: { name: "x" } }) },
  { kind: "route", file: "app/api/v1/admin/licenses/[id]/token-keys/route.ts", method: "GET", expect: ADMIN_READ, request: (w, a) => ({ headers: a.headers, params: { id: w.licenseId } }) },
  { kind: "route", file: "app/api/v1/admin/licenses/[id]/token-keys/route.ts", method: "GET", variant: "unknown id", expect: ADMIN_404, request: (_w, a) => ({ headers: a.headers, params: { id: "nope" } }) },
  // A fresh license per cell: only the first call on a license issues keys (201); later ones answer 200.
  { kind: "route", file: "app/api/v1/admin/licenses/[id]/token-keys/route.ts", method: "POST", expect: ADMIN_CREATE, request: async (_w, a) => ({ headers: a.headers, params: { id: (await makeLicense({ license: { seats: 2 } })).license.id } }) },
  { kind: "route", file: "app/api/v1/admin/licenses/[id]/token-keys/route.ts", method: "POST", variant: "unknown id", expect: ADMIN_WRITE_404, request: (_w, a) => ({ headers: a.headers, params: { id: "nope" } }) },

  // Customer organizations' users: admin tokens only; a user of another organization is unknown here.
  { kind: "route", file: "app/api/v1/admin/organizations/[id]/users/route.ts", method: "GET", expect: ADMIN_READ, request: (w, a) => ({ headers: a.headers, params: { id: w.organizationId } }) },
  { kind: "route", file: "app/api/v1/admin/organizations/[id]/users/route.ts", method: "GET", variant: "unknown id", expect: ADMIN_404, request: (_w, a) => ({ headers: a.headers, params: { id: "nope" } }) },
  { kind: "route", file: "app/api/v1/admin/organizations/[id]/users/route.ts", method: "POST", expect: ADMIN_CREATE, request: (w, a) => ({ headers: a.headers, params: { id: w.organizationId }, body: { email: `${uniq("new")}@example.test`, name: "New", password: "new user password" } }) },
  { kind: "route", file: "app/api/v1/admin/organizations/[id]/users/route.ts", method: "POST", variant: "unknown id", expect: ADMIN_WRITE_404, request: (_w, a) => ({ headers: a.headers, params: { id: "nope" }, body: { email: `${uniq("new")}@example.test`, name: "New" } }) },
  { kind: "route", file: "app/api/v1/admin/organizations/[id]/users/[userId]/route.ts", method: "GET", expect: ADMIN_READ, request: (w, a) => ({ headers: a.headers, params: { id: w.organizationId, userId: w.memberUserId } }) },
  { kind: "route", file: "app/api/v1/admin/organizations/[id]/users/[userId]/route.ts", method: "GET", variant: "another organization's user", expect: ADMIN_404, request: (w, a) => ({ headers: a.headers, params: { id: w.organizationId, userId: w.otherUserId } }) },
  { kind: "route", file: "app/api/v1/admin/organizations/[id]/users/[userId]/route.ts", method: "PATCH", expect: ADMIN_WRITE, request: (w, a) => ({ headers: a.headers, params: { id: w.organizationId, userId: w.memberUserId }, body: { name: "Org User" } }) },
  { kind: "route", file: "app/api/v1/admin/organizations/[id]/users/[userId]/route.ts", method: "PATCH", variant: "another organization's user", expect: ADMIN_WRITE_404, request: (w, a) => ({ headers: a.headers, params: { id: w.organizationId, userId: w.otherUserId }, body: { name: "x" } }) },
  { kind: "route", file: "app/api/v1/admin/organizations/[id]/users/[userId]/route.ts", method: "DELETE", expect: ADMIN_WRITE, request: async (w, a) => ({ headers: a.headers, params: { id: w.organizationId, userId: await freshOrgUser(w) } }) },
  { kind: "route", file: "app/api/v1/admin/organizations/[id]/users/[userId]/route.ts", method: "DELETE", variant: "another organization's user", expect: ADMIN_WRITE_404, request: (w, a) => ({ headers: a.headers, params: { id: w.organizationId, userId: w.otherUserId } }) },
  { kind: "route", file: "app/api/v1/admin/organizations/[id]/users/[userId]/emails/route.ts", method: "GET", expect: ADMIN_READ, request: (w, a) => ({ headers: a.headers, params: { id: w.organizationId, userId: w.memberUserId } }) },
  { kind: "route", file: "app/api/v1/admin/organizations/[id]/users/[userId]/emails/route.ts", method: "GET", variant: "another organization's user", expect: ADMIN_404, request: (w, a) => ({ headers: a.headers, params: { id: w.organizationId, userId: w.otherUserId } }) },
  { kind: "route", file: "app/api/v1/admin/organizations/[id]/invitations/route.ts", method: "GET", expect: ADMIN_READ, request: (w, a) => ({ headers: a.headers, params: { id: w.organizationId } }) },
  { kind: "route", file: "app/api/v1/admin/organizations/[id]/invitations/route.ts", method: "GET", variant: "unknown id", expect: ADMIN_404, request: (_w, a) => ({ headers: a.headers, params: { id: "nope" } }) },
  { kind: "route", file: "app/api/v1/admin/organizations/[id]/invitations/route.ts", method: "POST", expect: ADMIN_CREATE, request: (w, a) => ({ headers: a.headers, params: { id: w.organizationId }, body: {} }) },
  { kind: "route", file: "app/api/v1/admin/organizations/[id]/invitations/route.ts", method: "POST", variant: "unknown id", expect: ADMIN_WRITE_404, request: (_w, a) => ({ headers: a.headers, params: { id: "nope" }, body: {} }) },

  // Webhook endpoints: the signing secret and every change need an ADMIN token.
  { kind: "route", file: "app/api/v1/admin/webhooks/route.ts", method: "GET", expect: ADMIN_READ, request: (_w, a) => ({ headers: a.headers }) },
  { kind: "route", file: "app/api/v1/admin/webhooks/route.ts", method: "POST", expect: ADMIN_CREATE, request: (_w, a) => ({ headers: a.headers, body: { url: HOOK_URL, enabled: false } }) },
  { kind: "route", file: "app/api/v1/admin/webhooks/[id]/route.ts", method: "GET", expect: ADMIN_READ, request: async (_w, a) => ({ headers: a.headers, params: { id: await webhookId() } }) },
  { kind: "route", file: "app/api/v1/admin/webhooks/[id]/route.ts", method: "GET", variant: "with its secret", expect: only({ adminToken: 200, readOnlyToken: 403 }, 401), request: async (_w, a) => ({ headers: a.headers, params: { id: await webhookId() }, query: { includeSecret: "true" } }) },
  { kind: "route", file: "app/api/v1/admin/webhooks/[id]/route.ts", method: "GET", variant: "unknown id", expect: ADMIN_404, request: (_w, a) => ({ headers: a.headers, params: { id: "nope" } }) },
  { kind: "route", file: "app/api/v1/admin/webhooks/[id]/route.ts", method: "PATCH", expect: ADMIN_WRITE, request: async (_w, a) => ({ headers: a.headers, params: { id: await webhookId() }, body: { description: "matrix" } }) },
  { kind: "route", file: "app/api/v1/admin/webhooks/[id]/route.ts", method: "PATCH", variant: "unknown id", expect: ADMIN_WRITE_404, request: (_w, a) => ({ headers: a.headers, params: { id: "nope" }, body: { description: "x" } }) },
  { kind: "route", file: "app/api/v1/admin/webhooks/[id]/route.ts", method: "DELETE", expect: ADMIN_WRITE, request: async (_w, a) => ({ headers: a.headers, params: { id: await webhookId() } }) },
  { kind: "route", file: "app/api/v1/admin/webhooks/[id]/route.ts", method: "DELETE", variant: "unknown id", expect: ADMIN_WRITE_404, request: (_w, a) => ({ headers: a.headers, params: { id: "nope" } }) },
  { kind: "route", file: "app/api/v1/admin/webhooks/[id]/ping/route.ts", method: "POST", expect: ADMIN_CREATE, request: async (_w, a) => ({ headers: a.headers, params: { id: await webhookId() } }) },
  { kind: "route", file: "app/api/v1/admin/webhooks/[id]/ping/route.ts", method: "POST", variant: "unknown id", expect: ADMIN_WRITE_404, request: (_w, a) => ({ headers: a.headers, params: { id: "nope" } }) },
  { kind: "route", file: "app/api/v1/admin/webhooks/[id]/deliveries/route.ts", method: "GET", expect: ADMIN_READ, request: async (_w, a) => ({ headers: a.headers, params: { id: await webhookId() } }) },
  { kind: "route", file: "app/api/v1/admin/webhooks/[id]/deliveries/route.ts", method: "GET", variant: "unknown id", expect: ADMIN_404, request: (_w, a) => ({ headers: a.headers, params: { id: "nope" } }) },
  {
    kind: "route", file: "app/api/v1/admin/webhooks/[id]/deliveries/[deliveryId]/resend/route.ts", method: "POST", expect: ADMIN_CREATE,
    request: async (_w, a) => {
      const id = await webhookId();
      const delivery = await db.webhookDelivery.create({ data: { endpointId: id, eventType: "webhook.ping", payload: { id: "evt", type: "webhook.ping" } } });
      return { headers: a.headers, params: { id, deliveryId: delivery.id } };
    },
  },
  { kind: "route", file: "app/api/v1/admin/webhooks/[id]/deliveries/[deliveryId]/resend/route.ts", method: "POST", variant: "another endpoint's delivery", expect: ADMIN_WRITE_404,
    request: async (_w, a) => {
      const delivery = await db.webhookDelivery.create({ data: { endpointId: await webhookId(), eventType: "webhook.ping", payload: { id: "evt", type: "webhook.ping" } } });
      return { headers: a.headers, params: { id: await webhookId(), deliveryId: delivery.id } };
    },
  },
  { kind: "external", file: "app/api/auth/[...nextauth]/route.ts", method: "GET", reason: "next-auth's own endpoints (csrf, session, providers); covered by e2e sign-in specs" },
  { kind: "external", file: "app/api/auth/[...nextauth]/route.ts", method: "POST", reason: "next-auth sign-in callback; throttled in authorize() (lib/rate-limit/sign-in-throttle.ts), covered by e2e" },

  // Pages: the layouts above a page are its guards, run first, as Next.js does.
  // Each kind of user has one area: staff the console, customer users the portal.
  { kind: "page", file: "app/page.tsx", expect: { ...STAFF_SESSION("redirect:/console", "redirect:/login"), ...ORG_SESSION("redirect:/portal") } },
  { kind: "page", file: "app/login/page.tsx", expect: { ...STAFF_SESSION("redirect:/console", 200), ...ORG_SESSION("redirect:/portal") } },
  ...CONSOLE_PAGES.map((file) => ({ kind: "page" as const, file, expect: CONSOLE })),
  { kind: "page", file: "app/console/licenses/new/page.tsx", expect: only({ adminStaff: 200, readOnlyStaff: "redirect:/console/licenses" }, "redirect:/login") },
  ...CONSOLE_ID_PAGES.flatMap(([file, id]) => [
    { kind: "page" as const, file, expect: CONSOLE, params: (w: TWorld) => ({ id: id(w) }) },
    { kind: "page" as const, file, variant: "unknown id", expect: STAFF_SESSION(404, "redirect:/login"), params: () => ({ id: "nope" }) },
  ]),
  { kind: "page", file: "app/console/settings/security/page.tsx", expect: STAFF_SESSION(200, "redirect:/login") },

  // Portal: customer users of any role; staff are sent to the console. Admin pages are 404 for members.
  { kind: "page", file: "app/portal/(home)/page.tsx", expect: PORTAL(200, 200) },
  { kind: "page", file: "app/portal/activations/page.tsx", expect: PORTAL(200, 200) },
  { kind: "page", file: "app/portal/activations/page.tsx", variant: "own license filter", expect: { ...PORTAL(200, 200), orgAdminOther: 404 }, searchParams: (w) => ({ licenseId: w.licenseId }) },
  { kind: "page", file: "app/portal/activations/page.tsx", variant: "another organization's license", expect: { ...PORTAL(404, 404), orgAdminOther: 200 }, searchParams: (w) => ({ licenseId: w.otherLicenseId }) },
  { kind: "page", file: "app/portal/(admin)/users/page.tsx", expect: PORTAL(404, 200) },
  { kind: "page", file: "app/portal/(admin)/usage/page.tsx", expect: PORTAL(404, 200) },
  // A floating license's leases and concurrency report: admins of the license's own organization only.
  ...(["leases", "concurrency"] as const).flatMap((page): TRow[] => [
    { kind: "page", file: `app/portal/licenses/[id]/${page}/page.tsx`, expect: { ...PORTAL(404, 200), orgAdminOther: 404 }, params: (w) => ({ id: w.licenseId }) },
    { kind: "page", file: `app/portal/licenses/[id]/${page}/page.tsx`, variant: "another organization's license", expect: { ...PORTAL(404, 404), orgAdminOther: 200 }, params: (w) => ({ id: w.otherLicenseId }) },
    { kind: "page", file: `app/portal/licenses/[id]/${page}/page.tsx`, variant: "unknown id", expect: PORTAL(404, 404), params: () => ({ id: "nope" }) },
  ]),
  { kind: "page", file: "app/portal/licenses/[id]/settings/page.tsx", expect: { ...PORTAL(404, 200), orgAdminOther: 404 }, params: (w) => ({ id: w.licenseId }) },
  { kind: "page", file: "app/portal/licenses/[id]/settings/page.tsx", variant: "another organization's license", expect: { ...PORTAL(404, 404), orgAdminOther: 200 }, params: (w) => ({ id: w.otherLicenseId }) },

  // Public pages: documentation, the offline activation form, invitation links (an unknown token is explained, not an error).
  { kind: "page", file: "app/docs/page.tsx", expect: only({}, 200) },
  { kind: "page", file: "app/docs/api/page.tsx", expect: only({}, 200) },
  { kind: "page", file: "app/activate/page.tsx", expect: only({}, 200) },
  { kind: "page", file: "app/welcome/license-admin/page.tsx", expect: only({}, 200), searchParams: { token: "not-a-real-welcome-token" } },
  { kind: "page", file: "app/invite/[token]/page.tsx", expect: only({}, 200), params: () => ({ token: "not-a-real-invitation-token" }) },
  // Password reset is for people who can't sign in: public, and a bad link is explained on the page, not an error.
  { kind: "page", file: "app/forgot-password/page.tsx", expect: only({}, 200) },
  { kind: "page", file: "app/reset-password/page.tsx", expect: only({}, 200), searchParams: { token: "sw_link_not-a-real-reset-token" } },
  { kind: "page", file: "app/reset-password/page.tsx", variant: "no token", expect: only({}, 200) },

  // Console route handlers (CSV downloads) and the public activation form.
  { kind: "route", file: "app/console/billing/export/route.ts", method: "GET", expect: STAFF_SESSION(200, 401), request: (_w, a) => ({ headers: a.headers, query: { from: "2026-01-01", to: "2027-01-01" } }) },
  { kind: "route", file: "app/console/licenses/[id]/concurrency/export/route.ts", method: "GET", expect: STAFF_SESSION(200, 401), request: (w, a) => ({ headers: a.headers, params: { id: w.licenseId } }) },
  { kind: "route", file: "app/console/licenses/[id]/concurrency/export/route.ts", method: "GET", variant: "unknown id", expect: STAFF_SESSION(404, 401), request: (_w, a) => ({ headers: a.headers, params: { id: "nope" } }) },
  { kind: "route", file: "app/portal/(admin)/usage/export/route.ts", method: "GET", expect: PORTAL_ACTION(404, 200, 200), request: (_w, a) => ({ headers: a.headers }) },
  { kind: "route", file: "app/portal/licenses/[id]/concurrency/export/route.ts", method: "GET", expect: PORTAL_ACTION(404, 200, 404), request: (w, a) => ({ headers: a.headers, params: { id: w.licenseId } }) },
  { kind: "route", file: "app/portal/licenses/[id]/concurrency/export/route.ts", method: "GET", variant: "another organization's license", expect: PORTAL_ACTION(404, 404, 200), request: (w, a) => ({ headers: a.headers, params: { id: w.otherLicenseId } }) },
  { kind: "route", file: "app/activate/license-file/route.ts", method: "POST", expect: only({ licenseKey: 200 }, 404), request: (w, a) => ({ body: { key: a.name === "licenseKey" ? w.key : UNKNOWN_KEY, machineCode: uniq("machine") } }) },

  // Console actions: staff admins change data; read-only staff are refused (403), everyone else 401.
  // An invalid form is 400 for the admin: it passed the guards, the input was refused.
  { kind: "action", file: "app/console/customers/actions.ts", name: "createCustomerAction", expect: STAFF_ACTION(400), args: () => [null, { name: "" }] },
  { kind: "action", file: "app/console/customers/actions.ts", name: "renameCustomerAction", expect: STAFF_ACTION(200), args: (w) => [null, { id: w.otherOrganizationId, name: "Renamed by matrix" }] },
  { kind: "action", file: "app/console/licenses/actions.ts", name: "createLicenseAction", expect: STAFF_ACTION(200), args: (w) => [null, { policyId: w.policyId, organizationId: w.otherOrganizationId }] },
  { kind: "action", file: "app/console/licenses/actions.ts", name: "changeSeatsAction", expect: STAFF_ACTION(200), args: (w) => [null, { id: w.otherLicenseId, seats: "5" }] },
  { kind: "action", file: "app/console/licenses/actions.ts", name: "changeExpiryAction", expect: STAFF_ACTION(200), args: (w) => [null, { id: w.otherLicenseId, expiresAt: "" }] },
  { kind: "action", file: "app/console/licenses/actions.ts", name: "updateDetailsAction", expect: STAFF_ACTION(200), args: (w) => [null, { id: w.otherLicenseId, notes: "matrix" }] },
  { kind: "action", file: "app/console/licenses/actions.ts", name: "setStatusAction", expect: STAFF_ACTION(200), args: (w) => [null, { id: w.otherLicenseId, status: "ACTIVE" }] },
  { kind: "action", file: "app/console/licenses/actions.ts", name: "setStatusAction", variant: "unknown id", expect: STAFF_ACTION(404), args: () => [null, { id: "nope", status: "ACTIVE" }] },
  { kind: "action", file: "app/console/licenses/actions.ts", name: "deactivateAction", expect: STAFF_ACTION(200), args: async (w) => [null, { id: (await activateSeat({ key: w.key, fingerprint: uniq("fp") }, { actor: { type: "SYSTEM" } })).activation.id, licenseId: w.licenseId }] },
  { kind: "action", file: "app/console/products/actions.ts", name: "createProductAction", expect: STAFF_ACTION(400), args: () => [null, { name: "Matrix product", code: "not a code!" }] },
  { kind: "action", file: "app/console/products/actions.ts", name: "updateProductAction", expect: STAFF_ACTION(200), args: async (w) => { const p = await db.product.findUniqueOrThrow({ where: { id: w.productId } }); return [null, { id: p.id, name: p.name, code: p.code }]; } },
  { kind: "action", file: "app/console/products/actions.ts", name: "createPolicyAction", expect: STAFF_ACTION(400), args: (w) => [null, { productId: w.productId, name: "", model: "NODE_LOCKED", seats: "2", leaseMinutes: "60" }] },
  { kind: "action", file: "app/console/products/actions.ts", name: "updatePolicyAction", expect: STAFF_ACTION(200), args: async (w) => { const p = await db.policy.findUniqueOrThrow({ where: { id: w.policyId } }); return [null, { id: p.id, name: p.name, model: p.model, seats: String(p.seats), leaseMinutes: String(Math.max(1, Math.round(p.leaseDurationSeconds / 60))) }]; } },
  { kind: "action", file: "app/console/settings/actions.ts", name: "createStaffAction", expect: STAFF_ACTION(200), args: () => [null, { name: "New staff", email: `${uniq("staff")}@example.test`, role: "READ_ONLY", password: "a long initial password" }] },
  { kind: "action", file: "app/console/settings/actions.ts", name: "updateStaffAction", expect: STAFF_ACTION(200), args: async () => [null, { id: (await makeStaff("READ_ONLY")).staff.id, role: "READ_ONLY" }] },
  { kind: "action", file: "app/console/settings/actions.ts", name: "createTokenAction", expect: STAFF_ACTION(200), args: () => [null, { name: "matrix" }] },
  { kind: "action", file: "app/console/settings/actions.ts", name: "revokeTokenAction", expect: STAFF_ACTION(200), args: async () => { const { staff } = await makeStaff(); return [null, { id: (await createApiToken({ name: "to revoke", staffUserId: staff.id })).record.id }]; } },
  { kind: "action", file: "app/console/settings/email/actions.ts", name: "saveMailSettingsAction", expect: STAFF_ACTION(400), args: () => [{ ok: false }, formData({ billingContact: "not an email", sender: "" })] },
  { kind: "action", file: "app/console/settings/emails/actions.ts", name: "saveEmailSettingsAction", expect: STAFF_ACTION(400), args: () => [null, formData({ expiryDays: "0" })] },
  { kind: "action", file: "app/console/licenses/[id]/leases/actions.ts", name: "revokeLeaseAction", expect: STAFF_ACTION(200), args: async () => { const f = await makeLicense({ policy: { model: "FLOATING", leaseDurationSeconds: 600 } }); const { activation } = await activateSeat({ key: f.key, fingerprint: uniq("fp") }, { actor: { type: "SYSTEM" } }); return [null, formData({ licenseId: f.license.id, activationId: activation.id })]; } },
  { kind: "action", file: "app/console/licenses/[id]/leases/actions.ts", name: "revokeLeaseAction", variant: "another license's lease", expect: STAFF_ACTION(404), args: async (w) => { const f = await makeLicense({ policy: { model: "FLOATING", leaseDurationSeconds: 600 } }); const { activation } = await activateSeat({ key: f.key, fingerprint: uniq("fp") }, { actor: { type: "SYSTEM" } }); return [null, formData({ licenseId: w.licenseId, activationId: activation.id })]; } },
  { kind: "action", file: "app/console/licenses/[id]/rules/actions.ts", name: "updateRulesAction", expect: STAFF_ACTION(200), args: (w) => [null, { id: w.otherLicenseId, goodwillSeats: "1" }] },
  { kind: "action", file: "app/console/licenses/[id]/rules/actions.ts", name: "setActivationPasswordAction", expect: STAFF_ACTION(200), args: async () => [null, { id: (await makeLicense()).license.id, intent: "set", activationPassword: "open sesame" }] },
  { kind: "action", file: "app/console/licenses/[id]/rules/actions.ts", name: "issueTokenKeysAction", expect: STAFF_ACTION(200), args: (w) => [null, { id: w.otherLicenseId }] },
  { kind: "action", file: "app/console/licenses/[id]/rules/actions.ts", name: "issueTokenKeysAction", variant: "unknown id", expect: STAFF_ACTION(404), args: () => [null, { id: "nope" }] },
  { kind: "action", file: "app/console/settings/webhooks/actions.ts", name: "createEndpointAction", expect: STAFF_ACTION(200), args: () => [null, formData({ url: hookUrl(), scope: "all" })] },
  { kind: "action", file: "app/console/settings/webhooks/actions.ts", name: "updateEndpointAction", expect: STAFF_ACTION(200), args: async () => [await webhookId(), null, formData({ url: hookUrl(), scope: "all", description: "matrix" })] },
  { kind: "action", file: "app/console/settings/webhooks/actions.ts", name: "revealSecretAction", expect: STAFF_ACTION(200), args: async () => [await webhookId()] },
  { kind: "action", file: "app/console/settings/webhooks/actions.ts", name: "rotateSecretAction", expect: STAFF_ACTION(200), args: async () => [await webhookId()] },
  { kind: "action", file: "app/console/settings/webhooks/actions.ts", name: "deleteEndpointAction", expect: STAFF_ACTION(200), args: async () => [await webhookId()] },
  { kind: "action", file: "app/console/settings/webhooks/actions.ts", name: "deleteEndpointAction", variant: "unknown id", expect: STAFF_ACTION(404), args: () => ["nope"] },
  { kind: "action", file: "app/console/settings/webhooks/actions.ts", name: "pingEndpointAction", expect: STAFF_ACTION(200), args: async () => [await webhookId(true, hookUrl())] },
  {
    kind: "action", file: "app/console/settings/webhooks/actions.ts", name: "resendDeliveryAction", expect: STAFF_ACTION(200),
    args: async () => {
      const id = await webhookId(true, hookUrl());
      const delivery = await db.webhookDelivery.create({ data: { endpointId: id, eventType: "webhook.ping", payload: { id: "evt", type: "webhook.ping" } } });
      return [id, delivery.id];
    },
  },

  // Portal actions: customer users only (staff sessions are not portal sessions). User management is
  // for the organization's admins (404 to members); another organization's user or seat is 404.
  { kind: "action", file: "app/portal/actions.ts", name: "inviteUserAction", expect: PORTAL_ACTION(404, 200, 200), args: () => [{ email: `${uniq("inv")}@example.test`, name: "Invited", role: "MEMBER", canManageUsers: false, canDeactivateSeats: false }] },
  { kind: "action", file: "app/portal/actions.ts", name: "updateUserAction", expect: PORTAL_ACTION(404, 200, 404), args: (w) => [w.memberUserId, { name: "Org User", role: "MEMBER", canManageUsers: false, canDeactivateSeats: false, disabled: false }] },
  { kind: "action", file: "app/portal/actions.ts", name: "removeUserAction", expect: PORTAL_ACTION(404, 200, 404), args: async (w) => [await freshOrgUser(w), false] },
  { kind: "action", file: "app/portal/actions.ts", name: "resendInvitationAction", expect: PORTAL_ACTION(404, 200, 404), args: async (w) => [(await createOrgUser(w.organizationId, { email: `${uniq("pending")}@example.test`, name: "Pending" }, staffCtx)).user.id] },
  { kind: "action", file: "app/portal/actions.ts", name: "importUsersAction", expect: PORTAL_ACTION(404, 200, 200), args: () => [`email,name\n${uniq("imp")}@example.test,Imported`] },
  // Revoking a lease from the portal also needs canDeactivateSeats (every matrix admin has it; the 403 is in lib/portal/revoke-org-lease.int.test.ts).
  { kind: "action", file: "app/portal/licenses/[id]/leases/actions.ts", name: "revokeOrgLeaseAction", expect: PORTAL_ACTION(404, 200, 404), args: async (w) => [null, formData({ licenseId: w.licenseId, activationId: (await activateSeat({ key: w.key, fingerprint: uniq("fp") }, { actor: { type: "SYSTEM" } })).activation.id })] },
  { kind: "action", file: "app/portal/licenses/[id]/leases/actions.ts", name: "revokeOrgLeaseAction", variant: "another organization's license", expect: PORTAL_ACTION(404, 404, 200), args: async (w) => [null, formData({ licenseId: w.otherLicenseId, activationId: (await db.activation.create({ data: { licenseId: w.otherLicenseId, fingerprint: uniq("fp") } })).id })] },
  { kind: "action", file: "app/portal/licenses/[id]/leases/actions.ts", name: "revokeOrgLeaseAction", variant: "another license's lease", expect: PORTAL_ACTION(404, 404, 404), args: async (w) => { const f = await makeLicense({ policy: { model: "FLOATING", leaseDurationSeconds: 600 } }); const { activation } = await activateSeat({ key: f.key, fingerprint: uniq("fp") }, { actor: { type: "SYSTEM" } }); return [null, formData({ licenseId: w.licenseId, activationId: activation.id })]; } },
  { kind: "action", file: "app/portal/actions.ts", name: "deactivateSeatsAction", expect: PORTAL_ACTION(404, 200, 404), args: async (w) => [[(await activateSeat({ key: w.key, fingerprint: uniq("fp") }, { actor: { type: "SYSTEM" } })).activation.id]] },

  // License settings: the organization's admins change the activation password, only the License
  // Administrator their email (403 for the other admins); another organization's license is 404.
  { kind: "action", file: "app/portal/licenses/[id]/settings/actions.ts", name: "changeActivationPasswordAction", expect: PORTAL_ACTION(404, 200, 404), args: (w) => [w.administeredLicenseId, { intent: "set", password: "matrix-pass", confirm: "matrix-pass" }] },
  { kind: "action", file: "app/portal/licenses/[id]/settings/actions.ts", name: "changeActivationPasswordAction", variant: "not the License Administrator", expect: PORTAL_ACTION(404, 200, 404), args: async (w) => [(await makeLicense({ license: { organizationId: w.organizationId } })).license.id, { intent: "set", password: "matrix-pass", confirm: "matrix-pass" }] },
  { kind: "action", file: "app/portal/licenses/[id]/settings/actions.ts", name: "changeAdministratorEmailAction", expect: PORTAL_ACTION(404, 200, 404), args: (w) => [w.administeredLicenseId, `${uniq("admin")}@example.test`] },
  { kind: "action", file: "app/portal/licenses/[id]/settings/actions.ts", name: "changeAdministratorEmailAction", variant: "not the License Administrator", expect: PORTAL_ACTION(404, 403, 404), args: (w) => [w.licenseId, `${uniq("admin")}@example.test`] },

  // Accepting an invitation (or a License Administrator's welcome link) is authorized by its token
  // alone: an unknown token is 404 for everyone.
  { kind: "action", file: "app/welcome/license-admin/actions.ts", name: "completeWelcomeAction", expect: only({}, 404), args: () => [null, formData({ token: "not-a-real-welcome-token", password: "a long new password", confirm: "a long new password" })] },
  { kind: "action", file: "app/invite/actions.ts", name: "acceptInvitationAction", expect: only({}, 404), args: () => [{ token: "not-a-real-invitation-token", password: "a long new password" }] },
  // Anyone may ask for a reset (the answer is the same for every address); redeeming needs the emailed token.
  { kind: "action", file: "app/forgot-password/actions.ts", name: "requestPasswordResetAction", expect: only({}, 200), args: () => [null, formData({ email: `${uniq("nobody")}@example.test` })] },
  { kind: "action", file: "app/reset-password/actions.ts", name: "resetPasswordAction", expect: only({}, 404), args: () => [null, formData({ token: "sw_link_not-a-real-reset-token", password: "a long new password", confirm: "a long new password" })] },

  // Server actions: every staff member may protect their own account; nobody else gets in. A wrong
  // code is 400 and disabling two-factor that is off is 409: the guard let them through.
  { kind: "action", file: "app/console/settings/security/actions.ts", name: "startTotpAction", expect: STAFF_SESSION(200, 401), args: () => [] },
  { kind: "action", file: "app/console/settings/security/actions.ts", name: "confirmTotpAction", expect: STAFF_SESSION(400, 401), args: () => [{}, formData({ code: "000000" })] },
  { kind: "action", file: "app/console/settings/security/actions.ts", name: "disableTotpAction", expect: STAFF_SESSION(409, 401), args: () => [{}, formData({ code: "000000" })] },
];

function formData(values: Record<string, string>) {
  const f = new FormData();
  for (const [k, v] of Object.entries(values)) f.set(k, v);
  return f;
}

// ---------------------------------------------------------------- discovery

function walk(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    return statSync(full).isDirectory() ? walk(full) : [full];
  });
}

type TEntry = { id: string; file: string };

async function discover(): Promise<TEntry[]> {
  const entries: TEntry[] = [];
  for (const full of walk(path.join(ROOT, "app"))) {
    const file = path.relative(ROOT, full).split(path.sep).join("/");
    if (/\.test\.tsx?$/.test(file)) continue;
    if (/\/route\.tsx?$/.test(file)) {
      const mod = await import(/* @vite-ignore */ full);
      for (const m of METHODS) if (typeof mod[m] === "function") entries.push({ id: `${m} ${file}`, file });
    } else if (/\/page\.tsx?$/.test(file)) {
      entries.push({ id: `page ${file}`, file });
    } else if (/\.tsx?$/.test(file) && /^\s*["']use server["']/.test(readFileSync(full, "utf8"))) {
      const mod = await import(/* @vite-ignore */ full);
      for (const [name, value] of Object.entries(mod)) if (typeof value === "function") entries.push({ id: `action ${file}#${name}`, file });
    }
  }
  return entries;
}

function rowId(row: TRow): string {
  if (row.kind === "route" || row.kind === "external") return `${row.method} ${row.file}`;
  if (row.kind === "page") return `page ${row.file}`;
  return `action ${row.file}#${row.name}`;
}

// ---------------------------------------------------------------- running a cell

let ipCounter = 0;
// A fresh address per cell: rate limits are tested elsewhere and must not bleed into authorization.
const nextIp = () => `10.${(ipCounter >> 16) & 255}.${(ipCounter >> 8) & 255}.${++ipCounter & 255}`;

function statusOfThrown(error: unknown): TCell {
  if (error instanceof ApiError) return error.status;
  const digest = (error as { digest?: unknown })?.digest;
  if (typeof digest === "string") {
    if (digest.startsWith("NEXT_REDIRECT;")) return `redirect:${digest.split(";")[2]!.split("?")[0]}`;
    const fallback = /^NEXT_HTTP_ERROR_FALLBACK;(\d+)$/.exec(digest);
    if (fallback) return Number(fallback[1]);
  }
  throw error;
}

/** The layouts between app/ (exclusive: the root layout only sets up HTML) and the page, outermost first. */
function layoutsFor(file: string): string[] {
  const dirs = path.dirname(file).split("/").slice(1);
  const out: string[] = [];
  for (let i = 1; i <= dirs.length; i++) {
    const candidate = path.join(ROOT, "app", ...dirs.slice(0, i), "layout.tsx");
    try {
      statSync(candidate);
      out.push(candidate);
    } catch {
      // no layout at this level
    }
  }
  return out;
}

async function runCell(row: Exclude<TRow, { kind: "external" }>, world: TWorld, actor: TActor): Promise<TCell> {
  session.user = actor.sessionUser;
  const full = path.join(ROOT, row.file);
  if (row.kind === "route") {
    const mod = await import(/* @vite-ignore */ full);
    const options = await row.request(world, actor);
    const res = await callRoute(mod[row.method], { method: row.method, ...options, ip: nextIp() });
    if (res.status >= 400) expect(res.json?.error, `${rowId(row)} as ${actor.name}: error body`).toMatchObject({ code: expect.any(String), message: expect.any(String) });
    return res.status;
  }
  try {
    if (row.kind === "page") {
      for (const layout of layoutsFor(row.file)) await (await import(/* @vite-ignore */ layout)).default({ children: null, params: Promise.resolve(row.params?.(world) ?? {}) });
      const page = (await import(/* @vite-ignore */ full)).default;
      await page({ params: Promise.resolve(row.params?.(world) ?? {}), searchParams: Promise.resolve(typeof row.searchParams === "function" ? row.searchParams(world) : (row.searchParams ?? {})) });
      return 200;
    }
    const mod = await import(/* @vite-ignore */ full);
    return actionCell(await mod[row.name](...(await row.args(world, actor))));
  } catch (error) {
    return statusOfThrown(error);
  } finally {
    session.user = null;
  }
}

/**
 * Form actions answer a refusal as a result (the form shows the message) instead of throwing: its
 * `code` is the status it stands for. A refusal without a code can't be placed in the matrix.
 */
function actionCell(result: unknown): TCell {
  const r = result as { ok?: boolean; error?: unknown; code?: string } | null | undefined;
  const refused = r && typeof r === "object" && (r.ok === false || (r.ok === undefined && typeof r.error === "string"));
  if (!refused) return 200;
  // A form's validation messages (fieldErrors / errors) without a code: the input was refused.
  if (!r.code && ((r as { fieldErrors?: unknown }).fieldErrors || (r as { errors?: unknown }).errors)) return 400;
  if (!r.code || !(r.code in ERROR_STATUS)) throw new Error(`Action refused without an error code: ${JSON.stringify(r)}`);
  return ERROR_STATUS[r.code as keyof typeof ERROR_STATUS];
}

// ---------------------------------------------------------------- the suite

let world: TWorld;
beforeAll(async () => {
  world = await buildWorld();
  receiver = createServer((_req, res) => res.writeHead(204).end());
  await new Promise<void>((resolve) => receiver.listen(0, "127.0.0.1", resolve));
});
afterAll(() => new Promise<void>((resolve) => receiver.close(() => resolve())));

describe("authorization matrix", () => {
  it("has a row for every route handler, page and server action under app/ (and no stale rows)", async () => {
    const discovered = await discover();
    const covered = new Set(ROWS.map(rowId));
    const missing = discovered.map((e) => e.id).filter((id) => !covered.has(id));
    expect(missing, "Add these to ROWS in lib/security/authorization-matrix.int.test.ts").toEqual([]);
    const known = new Set(discovered.map((e) => e.id));
    expect(ROWS.map(rowId).filter((id) => !known.has(id)), "Rows for routes that no longer exist").toEqual([]);
  });

  for (const row of ROWS) {
    if (row.kind === "external") continue;
    const title = `${rowId(row)}${row.variant ? ` (${row.variant})` : ""}`;
    it(title, async () => {
      const actual = {} as Record<TActorName, TCell>;
      for (const actor of ACTORS) actual[actor] = await runCell(row, world, world.actors[actor]);
      expect(actual).toEqual(row.expect);
    });
  }
});
