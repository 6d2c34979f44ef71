/**
 * Everyone who can knock on Seatwise's door, built through the same functions the app uses.
 * Shared by the authorization matrix and the fuzz suites.
 */
import { encode } from "next-auth/jwt";
import { createApiToken } from "../auth/api-tokens";
import type { TSessionUser } from "../auth/auth-options";
import { serverSecret } from "../config/secret";
import { digestToken, generateToken } from "../crypto/tokens";
import { db } from "../db";
import { makeLicense, makeStaff, uniq } from "../test/factories";

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
  actors: Record<TActorName, TActor>;
};

async function sessionCookie(user: TSessionUser): Promise<string> {
  const token = await encode({ token: { uid: user.id, email: user.email, name: user.name, kind: user.kind, role: user.role }, secret: serverSecret() });
  return `next-auth.session-token=${token}`;
}

/**
 * An org user with a bearer user token, stored the way the portal stores them (digest only).
 * On a branch without the portal these tokens are simply unknown to every route.
 */
async function orgUser(organizationId: string, role: "ORG_ADMIN" | "MEMBER") {
  const user = await db.orgUser.create({ data: { organizationId, email: `${uniq("user")}@example.test`, name: "Org User", role } });
  const token = generateToken("sw_user");
  await db.userToken.create({ data: { userId: user.id, tokenHash: digestToken(token), expiresAt: new Date(Date.now() + 3600_000) } });
  return { user, token };
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
    orgMember: { name: "orgMember", headers: bearer(member.token), sessionUser: null },
    orgAdmin: { name: "orgAdmin", headers: bearer(admin.token), sessionUser: null },
    orgAdminOther: { name: "orgAdminOther", headers: bearer(otherAdmin.token), sessionUser: null },
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
    actors,
  };
}
