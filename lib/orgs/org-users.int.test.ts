import { describe, expect, it } from "vitest";
import { DELETE as deleteUser, GET as getUser, PATCH as patchUser } from "@/app/api/v1/admin/organizations/[id]/users/[userId]/route";
import { GET as listEmails } from "@/app/api/v1/admin/organizations/[id]/users/[userId]/emails/route";
import { GET as listUsers, POST as postUser } from "@/app/api/v1/admin/organizations/[id]/users/route";
import { GET as listInvitations, POST as postInvitation } from "@/app/api/v1/admin/organizations/[id]/invitations/route";
import { POST as tokenRoute } from "@/app/api/v1/auth/token/route";
import { db } from "@/lib/db";
import { callRoute } from "@/lib/test/http";
import { makeAdminToken, makeLicense, staffCtx, uniq } from "@/lib/test/factories";
import { acceptInvitation, describeInvitation } from "./accept-invitation";
import { createOrgUser } from "./create-org-user";
import { importOrgUsers } from "./import-org-users";

const PASSWORD = "a long enough password";

function linkFrom(text: string): string {
  const url = /https?:\/\/\S+\/invite\/(\S+)/.exec(text);
  if (!url) throw new Error(`no invitation link in: ${text}`);
  return decodeURIComponent(url[1]!);
}

async function lastInviteToken(email: string) {
  const message = await db.emailMessage.findFirstOrThrow({ where: { to: email, kind: "invitation" }, orderBy: { createdAt: "desc" } });
  return linkFrom(message.text);
}

describe("admin API: organization users", () => {
  it("creates a user with a password (no invitation) and one without (invitation queued)", async () => {
    const { organization } = await makeLicense();
    const { authorization } = await makeAdminToken();
    const headers = { authorization };
    const withPw = await callRoute(postUser, {
      headers,
      params: { id: organization.id },
      body: { email: `${uniq("pw")}@Example.test`, name: "Pat", role: "MEMBER", password: PASSWORD },
    });
    expect(withPw.status).toBe(201);
    expect(withPw.json.user).toMatchObject({ role: "MEMBER", status: "ACTIVE", canManageUsers: false });
    expect(withPw.json.user.email).toBe(withPw.json.user.email.toLowerCase());
    expect(withPw.json.invitation).toBeNull();
    expect(await db.emailMessage.count({ where: { to: withPw.json.user.email } })).toBe(0);
    expect((await callRoute(tokenRoute, { body: { email: withPw.json.user.email, password: PASSWORD } })).status).toBe(201);

    const invited = await callRoute(postUser, {
      headers,
      params: { id: organization.id },
      body: { email: `${uniq("inv")}@example.test`, name: "Ivy", role: "ORG_ADMIN", canManageUsers: false },
    });
    expect(invited.status).toBe(201);
    expect(invited.json.user).toMatchObject({ role: "ORG_ADMIN", status: "INVITED", canManageUsers: false, canDeactivateSeats: true });
    expect(invited.json.invitation.expiresAt).toBeTruthy();
    const email = await db.emailMessage.findFirstOrThrow({ where: { to: invited.json.user.email } });
    expect(email).toMatchObject({ kind: "invitation", status: "QUEUED" });
    expect(email.text).toContain(organization.name);
    // Only a digest of the link token is stored.
    const token = linkFrom(email.text);
    const stored = await db.actionToken.findFirstOrThrow({ where: { subjectId: invited.json.user.id }, omit: { tokenHash: false } });
    expect(stored.kind).toBe("USER_INVITE");
    expect(stored.tokenHash).not.toContain(token);

    const emails = await callRoute(listEmails, { headers, params: { id: organization.id, userId: invited.json.user.id } });
    expect(emails.json.emails[0].text).toContain("/invite/");

    const list = await callRoute(listUsers, { headers, params: { id: organization.id } });
    expect(list.json.total).toBe(2);
    expect(list.json.users[0].role).toBe("ORG_ADMIN");
  });

  it("answers 409 for a duplicate email, 400 for bad input, 404 for an unknown organization", async () => {
    const { organization } = await makeLicense();
    const { authorization } = await makeAdminToken();
    const headers = { authorization };
    const email = `${uniq("dup")}@example.test`;
    await callRoute(postUser, { headers, params: { id: organization.id }, body: { email, name: "A" } });
    const dup = await callRoute(postUser, { headers, params: { id: organization.id }, body: { email: email.toUpperCase(), name: "B" } });
    expect([dup.status, dup.json.error.code]).toEqual([409, "CONFLICT"]);
    const bad = await callRoute(postUser, { headers, params: { id: organization.id }, body: { email: "nope", name: "", role: "OWNER", password: "short" } });
    expect([bad.status, bad.json.error.code]).toEqual([400, "INVALID_REQUEST"]);
    const missing = await callRoute(postUser, { headers, params: { id: "missing" }, body: { email: `${uniq("x")}@example.test`, name: "X" } });
    expect(missing.status).toBe(404);
    expect((await callRoute(listUsers, { headers, params: { id: "missing" } })).status).toBe(404);
  });

  it("PATCH updates role, permissions and password; a user id of another organization answers 404", async () => {
    const a = await makeLicense();
    const b = await makeLicense();
    const { authorization } = await makeAdminToken();
    const headers = { authorization };
    const { user } = await createOrgUser(a.organization.id, { email: `${uniq("u")}@example.test`, name: "U", password: PASSWORD }, staffCtx);
    const res = await callRoute(patchUser, {
      method: "PATCH",
      headers,
      params: { id: a.organization.id, userId: user.id },
      body: { role: "ORG_ADMIN", canManageUsers: true, canDeactivateSeats: false, name: "Una" },
    });
    expect(res.status).toBe(200);
    expect(res.json.user).toMatchObject({ name: "Una", role: "ORG_ADMIN", canManageUsers: true, canDeactivateSeats: false });
    const demoted = await callRoute(patchUser, { method: "PATCH", headers, params: { id: a.organization.id, userId: user.id }, body: { role: "MEMBER" } });
    expect(demoted.json.user).toMatchObject({ canManageUsers: false, canDeactivateSeats: false });

    for (const route of [getUser, patchUser, deleteUser]) {
      const cross = await callRoute(route, { method: route === getUser ? "GET" : route === patchUser ? "PATCH" : "DELETE", headers, params: { id: b.organization.id, userId: user.id }, body: route === patchUser ? { name: "x" } : undefined });
      expect(cross.status).toBe(404);
    }
    expect((await db.orgUser.findUniqueOrThrow({ where: { id: user.id } })).name).toBe("Una");
  });

  it("DELETE removes the user, and ?freeSeats=true frees their seats", async () => {
    const { organization, license } = await makeLicense();
    const { authorization } = await makeAdminToken();
    const { user } = await createOrgUser(organization.id, { email: `${uniq("u")}@example.test`, name: "U", password: PASSWORD }, staffCtx);
    await db.activation.create({ data: { licenseId: license.id, fingerprint: "f1", userId: user.id } });
    const res = await callRoute(deleteUser, { method: "DELETE", headers: { authorization }, params: { id: organization.id, userId: user.id }, query: { freeSeats: "true" } });
    expect(res.json).toEqual({ removed: true, freedSeats: 1 });
    expect(await db.orgUser.count({ where: { id: user.id } })).toBe(0);
    expect(await db.activation.count({ where: { licenseId: license.id, deactivatedAt: null } })).toBe(0);
  });

  it("read-only staff tokens can list but not create", async () => {
    const { organization } = await makeLicense();
    const { authorization } = await makeAdminToken("READ_ONLY");
    expect((await callRoute(listUsers, { headers: { authorization }, params: { id: organization.id } })).status).toBe(200);
    const res = await callRoute(postUser, { headers: { authorization }, params: { id: organization.id }, body: { email: `${uniq("r")}@example.test`, name: "R" } });
    expect(res.status).toBe(403);
  });
});

describe("invitations", () => {
  it("work exactly once and then refuse", async () => {
    const { organization } = await makeLicense();
    const email = `${uniq("once")}@example.test`;
    await createOrgUser(organization.id, { email, name: "Once" }, staffCtx);
    const token = await lastInviteToken(email);
    expect(await describeInvitation(token)).toMatchObject({ kind: "USER_INVITE", email, organizationName: organization.name });
    await acceptInvitation({ token, password: PASSWORD }, staffCtx);
    expect((await callRoute(tokenRoute, { body: { email, password: PASSWORD } })).status).toBe(201);
    expect(await describeInvitation(token)).toBeNull();
    await expect(acceptInvitation({ token, password: "another password!" }, staffCtx)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect((await callRoute(tokenRoute, { body: { email, password: PASSWORD } })).status).toBe(201);
  });

  it("two racing uses of one link: exactly one wins", async () => {
    const { organization } = await makeLicense();
    const email = `${uniq("race")}@example.test`;
    await createOrgUser(organization.id, { email, name: "Race" }, staffCtx);
    const token = await lastInviteToken(email);
    const results = await Promise.allSettled([
      acceptInvitation({ token, password: "first password 1" }, staffCtx),
      acceptInvitation({ token, password: "second password 2" }, staffCtx),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
  });

  it("expire", async () => {
    const { organization } = await makeLicense();
    const email = `${uniq("exp")}@example.test`;
    const created = new Date("2026-01-01T00:00:00Z");
    await createOrgUser(organization.id, { email, name: "Late" }, { ...staffCtx, now: created });
    const token = await lastInviteToken(email);
    const later = new Date(created.getTime() + 8 * 86_400_000);
    expect(await describeInvitation(token, later)).toBeNull();
    await expect(acceptInvitation({ token, password: PASSWORD }, { ...staffCtx, now: later })).rejects.toMatchObject({ code: "NOT_FOUND" });
    const justBefore = new Date(created.getTime() + 7 * 86_400_000 - 1000);
    expect(await describeInvitation(token, justBefore)).not.toBeNull();
  });

  it("of a removed user stop working", async () => {
    const { organization } = await makeLicense();
    const { authorization } = await makeAdminToken();
    const email = `${uniq("gone")}@example.test`;
    const { user } = await createOrgUser(organization.id, { email, name: "Gone" }, staffCtx);
    const token = await lastInviteToken(email);
    await callRoute(deleteUser, { method: "DELETE", headers: { authorization }, params: { id: organization.id, userId: user.id } });
    expect(await describeInvitation(token)).toBeNull();
  });

  it("org-admin links sign the recipient up as admin with the chosen permissions, once", async () => {
    const { organization } = await makeLicense();
    const { authorization } = await makeAdminToken();
    const res = await callRoute(postInvitation, {
      headers: { authorization },
      params: { id: organization.id },
      body: { canManageUsers: false, canDeactivateSeats: true, expiresInDays: 3 },
    });
    expect(res.status).toBe(201);
    const token = linkFrom(res.json.link.url);
    const pending = await callRoute(listInvitations, { headers: { authorization }, params: { id: organization.id } });
    expect(pending.json.invitations).toEqual([expect.objectContaining({ kind: "ORG_ADMIN_LINK", canManageUsers: false, canDeactivateSeats: true })]);
    expect(JSON.stringify(pending.json)).not.toContain(token);

    await expect(acceptInvitation({ token, password: PASSWORD }, staffCtx)).rejects.toMatchObject({ code: "INVALID_REQUEST" });
    const email = `${uniq("boss")}@example.test`;
    await acceptInvitation({ token, password: PASSWORD, email, name: "Boss" }, staffCtx);
    const admin = await db.orgUser.findUniqueOrThrow({ where: { email } });
    expect(admin).toMatchObject({ organizationId: organization.id, role: "ORG_ADMIN", canManageUsers: false, canDeactivateSeats: true });
    await expect(acceptInvitation({ token, password: PASSWORD, email: `${uniq("two")}@example.test`, name: "Two" }, staffCtx)).rejects.toMatchObject({
      code: "NOT_FOUND",
    });
    expect((await callRoute(listInvitations, { headers: { authorization }, params: { id: organization.id } })).json.invitations).toEqual([]);
  });
});

describe("CSV import", () => {
  it("reports every row: created, skipped (duplicate, existing) and failed (invalid), with line numbers", async () => {
    const { organization } = await makeLicense();
    const existing = `${uniq("old")}@example.test`;
    await createOrgUser(organization.id, { email: existing, name: "Old" }, staffCtx);
    const a = `${uniq("a")}@example.test`;
    const b = `${uniq("b")}@example.test`;
    const csv = [
      "\uFEFFEmail,Name,Role,Can Deactivate Seats",
      `${a},"Lovelace, Ada",member,`,
      `${b},Grace Hopper,Admin,yes`,
      `not-an-email,Broken,member,`,
      `${a},Ada again,member,`,
      `${existing},Old,member,`,
      `x@example.test,,member,`,
      `y@example.test,Yves,owner,`,
      "",
    ].join("\r\n");
    const report = await importOrgUsers(organization.id, csv, staffCtx);
    expect(report.results.map((r) => [r.line, r.status])).toEqual([
      [2, "created"],
      [3, "created"],
      [4, "failed"],
      [5, "skipped"],
      [6, "skipped"],
      [7, "failed"],
      [8, "failed"],
    ]);
    expect(report).toMatchObject({ created: 2, skipped: 2, failed: 3 });
    expect(report.results[2]!.message).toMatch(/email/i);
    expect(await db.orgUser.findUniqueOrThrow({ where: { email: a } })).toMatchObject({ name: "Lovelace, Ada", role: "MEMBER" });
    expect(await db.orgUser.findUniqueOrThrow({ where: { email: b } })).toMatchObject({ role: "ORG_ADMIN", canDeactivateSeats: true });
    expect(await db.emailMessage.count({ where: { to: { in: [a, b] }, kind: "invitation" } })).toBe(2);
  });

  it("refuses a file without email and name columns", async () => {
    const { organization } = await makeLicense();
    await expect(importOrgUsers(organization.id, "mail;fullname\na@b.c;A", staffCtx)).rejects.toMatchObject({ code: "INVALID_REQUEST" });
  });
});
