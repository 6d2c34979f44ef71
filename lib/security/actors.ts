/**
 * Everyone who can knock on Seatwise's door, built through the same functions the app uses.
 * Shared by the authorization matrix and the fuzz suites.
 */
import { encode } from "next-auth/jwt";
import { createApiToken } from "../auth/api-tokens";
import type { TSessionUser } from "../auth/auth-options";
import { serverSecret } from "../config/secret";
import { createOrgUser } from "../orgs/create-org-user";
import { issueUserToken } from "../orgs/user-tokens";
import { createWebhookEndpoint } from "../webhooks/endpoints";
import { makeLicense, makeStaff, staffCtx, uniq } from "../test/factories";
import { db } from "../db";

export const ACTORS = [
  "anonymous",
  "licenseKey",
  "userToken",
  "orgMember",
  "orgAdmin",
  "orgAdminOther",
  "readOnlyStaff",
  "adminStaff",
  "adminToken",
  "readOnlyToken",
  "revokedToken",
  "expiredToken",
] as const;
export type TActorName = (typeof ACTORS)[number];

export type TActor = {
  name: TActorName;
  /** Headers the actor sends to API routes (bearer token, session cookie…). */
  headers: Record<string, string>;
  /** The session a page or server action sees for this actor (null: not signed in to the console). */
  sessionUser: TSessionUser | null;
  /** Staff who know a password, for the HTTP Basic token exchange. */
  password?: { email: string; password: string };
};

export type TWorld = {
  key: string;
  licenseId: string;
  policyId: string;
  productId: string;
  organizationId: string;
  otherOrganizationId: string;
  otherLicenseId: string;
  /** A second license of the first organization whose License Administrator is the org admin actor. */
  administeredLicenseId: string;
  /** Users of the first organization (member, admin) and the other organization's admin. */
  memberUserId: string;
  adminUserId: string;
  otherUserId: string;
  /** A (disabled) webhook endpoint, for the console's endpoint page. */
  webhookId: string;
  actors: Record<TActorName, TActor>;
};

async function sessionCookie(user: TSessionUser): Promise<string> {
  const token = await encode({ token: { ...user, uid: user.id }, secret: serverSecret() });
  return `next-auth.session-token=${token}`;
}

/**
 * A customer's user, created and signed in through the portal's own functions: the end-user token is
 * what POST /api/v1/auth/token issues, the session is what the portal sign-in (authorize()) returns.
 */
async function orgUser(organizationId: string, role: "ORG_ADMIN" | "MEMBER") {
  const email = `${uniq("user")}@example.test`;
  const password = "org user password 1";
  const admin = role === "ORG_ADMIN";
  const { user } = await createOrgUser(organizationId, { email, name: "Org User", role, password, canManageUsers: admin, canDeactivateSeats: admin }, staffCtx);
  const { token } = await issueUserToken(email, password, staffCtx);
  const sessionUser: TSessionUser = {
    id: user.id,
    email,
    name: "Org User",
    kind: "org",
    organizationId,
    role,
    canManageUsers: admin,
    canDeactivateSeats: admin,
  };
  return { user, token, sessionUser };
}

async function orgActor(name: TActorName, org: Awaited<ReturnType<typeof orgUser>>): Promise<TActor> {
  return { name, headers: { cookie: await sessionCookie(org.sessionUser) }, sessionUser: org.sessionUser };
}

async function staffActor(name: TActorName, role: "ADMIN" | "READ_ONLY"): Promise<TActor> {
  const { staff, email, password } = await makeStaff(role);
  const sessionUser: TSessionUser = { id: staff.id, email, name: staff.name, kind: "staff", role };
  return { name, headers: { cookie: await sessionCookie(sessionUser) }, sessionUser, password: { email, password } };
}

export async function buildWorld(): Promise<TWorld> {
  const a = await makeLicense({ license: { seats: 10_000 } });
  const b = await makeLicense();
  const member = await orgUser(a.organization.id, "MEMBER");
  const admin = await orgUser(a.organization.id, "ORG_ADMIN");
  const otherAdmin = await orgUser(b.organization.id, "ORG_ADMIN");
  // Its own license (not `a`), so a password set on it can't refuse the other rows' activations.
  const administered = await makeLicense({ license: { organizationId: a.organization.id } });
  await db.license.update({ where: { id: administered.license.id }, data: { administratorId: admin.user.id } });
  const { staff } = await makeStaff("ADMIN");
  const adminToken = (await createApiToken({ name: "matrix", staffUserId: staff.id })).token;
  const readOnly = await makeStaff("READ_ONLY");
  const readOnlyToken = (await createApiToken({ name: "matrix-ro", staffUserId: readOnly.staff.id })).token;
  const revoked = await createApiToken({ name: "revoked", staffUserId: staff.id });
  await db.apiToken.update({ where: { id: revoked.record.id }, data: { revokedAt: new Date() } });
  const expired = await createApiToken({ name: "expired", staffUserId: staff.id, expiresAt: new Date(Date.now() - 1000) });
  const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
  const actors: Record<TActorName, TActor> = {
    anonymous: { name: "anonymous", headers: {}, sessionUser: null },
    licenseKey: { name: "licenseKey", headers: bearer(a.key), sessionUser: null },
    userToken: { name: "userToken", headers: bearer(member.token), sessionUser: null },
    // Portal sessions (signed-in customer users); the end-user token above is the API credential.
    orgMember: await orgActor("orgMember", member),
    orgAdmin: await orgActor("orgAdmin", admin),
    orgAdminOther: await orgActor("orgAdminOther", otherAdmin),
    readOnlyStaff: await staffActor("readOnlyStaff", "READ_ONLY"),
    adminStaff: await staffActor("adminStaff", "ADMIN"),
    adminToken: { name: "adminToken", headers: bearer(adminToken), sessionUser: null },
    readOnlyToken: { name: "readOnlyToken", headers: bearer(readOnlyToken), sessionUser: null },
    revokedToken: { name: "revokedToken", headers: bearer(revoked.token), sessionUser: null },
    expiredToken: { name: "expiredToken", headers: bearer(expired.token), sessionUser: null },
  };
  return {
    key: a.key,
    licenseId: a.license.id,
    policyId: a.policy.id,
    productId: a.product.id,
    organizationId: a.organization.id,
    otherOrganizationId: b.organization.id,
    otherLicenseId: b.license.id,
    administeredLicenseId: administered.license.id,
    memberUserId: member.user.id,
    adminUserId: admin.user.id,
    otherUserId: otherAdmin.user.id,
    webhookId: (await createWebhookEndpoint({ url: "https://example.test/matrix", enabled: false }, staffCtx)).id,
    actors,
  };
}
