import { generate } from "otplib";
import { afterEach, describe, expect, it, vi } from "vitest";
import { requestPasswordResetAction } from "@/app/forgot-password/actions";
import { resetPasswordAction } from "@/app/reset-password/actions";
import { digestToken } from "@/lib/crypto/tokens";
import { db } from "@/lib/db";
import { createOrgUser } from "@/lib/orgs/create-org-user";
import { authenticateUserToken, issueUserToken } from "@/lib/orgs/user-tokens";
import { makeStaff, staffCtx, uniq } from "@/lib/test/factories";
import { authOptions } from "./auth-options";
import { PASSWORD_RESET_KIND, PASSWORD_RESET_TTL_MS, requestPasswordReset } from "./request-password-reset";
import { describeResetLink, resetPassword } from "./reset-password";
import { beginTotpEnrollment, confirmTotpEnrollment } from "./totp";

process.env.SEATWISE_SECRET ||= "password-reset-test-secret";
// Server actions read the caller's address from the request headers; here there is no request.
const requestHeaders = vi.hoisted(() => ({ current: new Headers() }));
vi.mock("next/headers", async (importOriginal) => ({ ...(await importOriginal<typeof import("next/headers")>()), headers: async () => requestHeaders.current }));

type TAuthorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const provider = authOptions.providers[0] as unknown as { options: { authorize: TAuthorize } };
let n = 0;
const nextIp = () => `198.51.100.${++n}`;
const authorize = (credentials: Record<string, string>) => provider.options.authorize(credentials, { headers: { "x-forwarded-for": nextIp() } });
const ctx = () => ({ actor: { type: "ANONYMOUS" as const }, ip: nextIp() });
const NEW_PASSWORD = "a brand new password";

async function makeOrgUser(password = "old portal password") {
  const organization = await db.organization.create({ data: { name: uniq("Org") } });
  const email = `${uniq("user")}@example.test`;
  const { user } = await createOrgUser(organization.id, { email, name: "Dana Portal", role: "MEMBER", password }, staffCtx);
  return { user, email, password, organizationId: organization.id };
}

/** The link in the newest reset email to this address, and the token in it. */
async function resetLink(email: string) {
  const mail = await db.emailMessage.findFirstOrThrow({ where: { to: email, kind: "password_reset" }, orderBy: { createdAt: "desc" } });
  const url = /https?:\/\/\S+\/reset-password\?token=[\w%-]+/.exec(mail.text)![0];
  return { mail, url, token: decodeURIComponent(new URL(url).searchParams.get("token")!) };
}

const emailsTo = (email: string) => db.emailMessage.count({ where: { to: email } });
const tokensFor = (subjectId: string) => db.actionToken.count({ where: { kind: PASSWORD_RESET_KIND, subjectId } });

afterEach(() => {
  delete process.env.SEATWISE_RATE_LIMIT_PASSWORD_RESET_IP;
});

describe("requesting a password reset", () => {
  it("a portal user gets a one-hour link; only the token's digest is stored, in the same commit as the email", async () => {
    const { user, email, organizationId } = await makeOrgUser();
    const now = new Date();
    expect(await requestPasswordReset(`  ${email.toUpperCase()} `, { ...ctx(), now })).toBe("sent");
    const { mail, url, token } = await resetLink(email);
    expect(mail.subject).toBe("Reset your Seatwise password");
    expect(url).toMatch(/\/reset-password\?token=sw_link_/);
    const row = await db.actionToken.findFirstOrThrow({ where: { kind: PASSWORD_RESET_KIND, subjectId: user.id }, omit: { tokenHash: false } });
    expect(row).toMatchObject({ tokenHash: digestToken(token), email, organizationId, usedAt: null });
    expect(row.expiresAt.getTime() - now.getTime()).toBe(PASSWORD_RESET_TTL_MS);
    expect(JSON.stringify(await db.actionToken.findMany({ omit: { tokenHash: false } }))).not.toContain(token);
    expect(await describeResetLink(token)).toMatchObject({ status: "usable", kind: "org", email, minLength: 10 });
    const event = await db.event.findFirstOrThrow({ where: { action: "org_user.password_reset_requested" } });
    expect(event).toMatchObject({ organizationId, data: { email, outcome: "sent", userId: user.id } });
  });

  it("an unknown address gets no token and no email, but the form answers exactly as for a real account", async () => {
    const { email } = await makeOrgUser();
    const unknown = `${uniq("nobody")}@example.test`;
    const answer = (address: string) => {
      const form = new FormData();
      form.set("email", address);
      return requestPasswordResetAction(null, form);
    };
    const [real, fake] = [await answer(email), await answer(unknown)];
    expect(real).toEqual({ ok: true, email });
    expect(fake).toEqual({ ok: true, email: unknown });
    expect(await emailsTo(unknown)).toBe(0);
    expect(await db.actionToken.count({ where: { email: unknown } })).toBe(0);
    expect(await db.event.findFirstOrThrow({ where: { action: "auth.password_reset_requested" } })).toMatchObject({ data: { email: unknown, outcome: "unknown" } });
    expect(await answer("not an email")).toMatchObject({ ok: false, code: "INVALID_REQUEST", field: "email" });
  });

  it("a disabled user gets nothing (staff or portal)", async () => {
    const org = await makeOrgUser();
    await db.orgUser.update({ where: { id: org.user.id }, data: { disabledAt: new Date() } });
    const staff = await makeStaff();
    await db.staffUser.update({ where: { id: staff.staff.id }, data: { disabledAt: new Date() } });
    expect(await requestPasswordReset(org.email, ctx())).toBe("disabled");
    expect(await requestPasswordReset(staff.email, ctx())).toBe("disabled");
    expect([await emailsTo(org.email), await emailsTo(staff.email)]).toEqual([0, 0]);
    expect([await tokensFor(org.user.id), await tokensFor(staff.staff.id)]).toEqual([0, 0]);
  });

  it("the token and the email commit together: when queueing the email fails, no token is left", async () => {
    const { user, email } = await makeOrgUser();
    // A real failure inside the transaction, after the token row was written.
    await db.$executeRawUnsafe(`CREATE FUNCTION refuse_mail() RETURNS trigger AS $$ BEGIN RAISE EXCEPTION 'mail refused'; END $$ LANGUAGE plpgsql`);
    await db.$executeRawUnsafe(`CREATE TRIGGER refuse_mail BEFORE INSERT ON "EmailMessage" FOR EACH ROW EXECUTE FUNCTION refuse_mail()`);
    try {
      await expect(requestPasswordReset(email, ctx())).rejects.toThrow(/mail refused/);
    } finally {
      await db.$executeRawUnsafe(`DROP TRIGGER refuse_mail ON "EmailMessage"`);
      await db.$executeRawUnsafe(`DROP FUNCTION refuse_mail()`);
    }
    expect(await tokensFor(user.id)).toBe(0);
    expect(await emailsTo(email)).toBe(0);
    expect(await requestPasswordReset(email, ctx())).toBe("sent");
    expect([await tokensFor(user.id), await emailsTo(email)]).toEqual([1, 1]);
  });

  it("is rate limited per email (known or not, same answer) and per IP", async () => {
    const { email } = await makeOrgUser();
    const unknown = `${uniq("nobody")}@example.test`;
    for (const address of [email, unknown]) {
      for (let i = 0; i < 3; i++) await requestPasswordReset(address, ctx());
      await expect(requestPasswordReset(address, ctx())).rejects.toMatchObject({ code: "RATE_LIMITED", message: expect.stringContaining("for this email") });
    }
    expect(await emailsTo(email)).toBe(3);
    process.env.SEATWISE_RATE_LIMIT_PASSWORD_RESET_IP = "2/900";
    const ip = "203.0.113.50";
    await requestPasswordReset(`${uniq("a")}@example.test`, { ...ctx(), ip });
    await requestPasswordReset(`${uniq("b")}@example.test`, { ...ctx(), ip });
    await expect(requestPasswordReset(`${uniq("c")}@example.test`, { ...ctx(), ip })).rejects.toMatchObject({ code: "RATE_LIMITED", message: expect.stringContaining("from this address") });
  });
});

describe("redeeming a reset link", () => {
  it("a portal user sets a new password once: the old one stops working, the link can't be used again", async () => {
    const { user, email, password, organizationId } = await makeOrgUser();
    const app = await issueUserToken(email, password, staffCtx);
    await requestPasswordReset(email, ctx());
    const { token } = await resetLink(email);
    await expect(resetPassword(token, "too short", ctx())).rejects.toThrow(/at least 10 characters/);
    expect(await authenticateUserToken(app.token)).toBeTruthy();
    expect(await resetPassword(token, NEW_PASSWORD, ctx())).toEqual({ kind: "org", email });
    expect(await authorize({ email, password: NEW_PASSWORD })).toMatchObject({ id: user.id, kind: "org" });
    expect(await authorize({ email, password })).toBeNull();
    // The app signed in with the old password is signed out.
    await expect(authenticateUserToken(app.token)).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(resetPassword(token, "another new password", ctx())).rejects.toMatchObject({ code: "TOKEN_ALREADY_USED", message: expect.stringContaining("already used") });
    expect(await describeResetLink(token)).toEqual({ status: "used" });
    const event = await db.event.findFirstOrThrow({ where: { action: "org_user.password_reset" } });
    expect(event).toMatchObject({ actorType: "USER", actorId: user.id, organizationId, data: { userId: user.id, revokedUserTokens: 1 } });
    expect(JSON.stringify(event.data)).not.toContain(NEW_PASSWORD);
  });

  it("staff: at least 12 characters, and two-factor sign-in still asks for the code afterwards", async () => {
    const s = await makeStaff();
    const { secret } = await beginTotpEnrollment(s.staff.id);
    await confirmTotpEnrollment(s.staff.id, await generate({ secret }), staffCtx);
    await requestPasswordReset(s.email, ctx());
    const { token } = await resetLink(s.email);
    expect(await describeResetLink(token)).toMatchObject({ status: "usable", kind: "staff", minLength: 12 });
    await expect(resetPassword(token, "eleven char", ctx())).rejects.toThrow(/at least 12 characters/);
    expect(await resetPassword(token, NEW_PASSWORD, ctx())).toEqual({ kind: "staff", email: s.email });
    await expect(authorize({ email: s.email, password: NEW_PASSWORD })).rejects.toThrow("TOTP_REQUIRED");
    expect(await authorize({ email: s.email, password: NEW_PASSWORD, totp: await generate({ secret }) })).toMatchObject({ id: s.staff.id, kind: "staff" });
    expect(await db.staffUser.findUniqueOrThrow({ where: { id: s.staff.id } })).toMatchObject({ totpEnabled: true });
    expect(await db.event.count({ where: { action: "staff.password_reset", actorId: s.staff.id } })).toBe(1);
  });

  it("expires after one hour", async () => {
    const { email } = await makeOrgUser();
    const now = new Date();
    await requestPasswordReset(email, { ...ctx(), now });
    const { token } = await resetLink(email);
    const later = new Date(now.getTime() + PASSWORD_RESET_TTL_MS);
    expect(await describeResetLink(token, new Date(later.getTime() - 1))).toMatchObject({ status: "usable" });
    expect(await describeResetLink(token, later)).toEqual({ status: "expired" });
    await expect(resetPassword(token, NEW_PASSWORD, { ...ctx(), now: later })).rejects.toMatchObject({ code: "TOKEN_ALREADY_USED", message: expect.stringContaining("expired") });
  });

  it("using one link makes the account's older unused links unusable", async () => {
    const { user, email } = await makeOrgUser();
    await requestPasswordReset(email, ctx());
    const first = (await resetLink(email)).token;
    await requestPasswordReset(email, ctx());
    const second = (await resetLink(email)).token;
    expect(first).not.toBe(second);
    expect(await describeResetLink(first)).toMatchObject({ status: "usable" });
    await resetPassword(second, NEW_PASSWORD, ctx());
    expect(await describeResetLink(first)).toEqual({ status: "used" });
    await expect(resetPassword(first, "yet another password", ctx())).rejects.toMatchObject({ code: "TOKEN_ALREADY_USED" });
    expect(await db.actionToken.count({ where: { subjectId: user.id, usedAt: null } })).toBe(0);
  });

  it("two racing submissions of one link: exactly one sets the password", async () => {
    const { user, email } = await makeOrgUser();
    await requestPasswordReset(email, ctx());
    const { token } = await resetLink(email);
    const results = await Promise.allSettled(["racing password one", "racing password two"].map((p) => resetPassword(token, p, ctx())));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(results.find((r) => r.status === "rejected")).toMatchObject({ reason: { code: "TOKEN_ALREADY_USED" } });
    expect(await db.event.count({ where: { action: "org_user.password_reset", actorId: user.id } })).toBe(1);
  });

  it("unknown, malformed and other kinds of links are explained, not errors; the action answers with the message", async () => {
    expect(await describeResetLink("sw_link_nothing")).toEqual({ status: "unknown" });
    expect(await describeResetLink("garbage")).toEqual({ status: "unknown" });
    const other = await db.actionToken.create({
      data: { kind: "USER_INVITE", tokenHash: digestToken("sw_link_invite-token"), email: "x@example.test", subjectId: "x", expiresAt: new Date(Date.now() + 60_000) },
    });
    expect(await describeResetLink("sw_link_invite-token")).toEqual({ status: "unknown" });
    await db.actionToken.delete({ where: { id: other.id } });
    const form = new FormData();
    for (const [k, v] of Object.entries({ token: "sw_link_nothing", password: NEW_PASSWORD, confirm: NEW_PASSWORD })) form.set(k, v);
    expect(await resetPasswordAction(null, form)).toMatchObject({ ok: false, code: "NOT_FOUND", error: expect.stringContaining("not valid") });
    form.set("confirm", "something else entirely");
    expect(await resetPasswordAction(null, form)).toMatchObject({ ok: false, field: "confirm", error: "The passwords don't match" });
  });

  it("a user disabled after asking can't use the link", async () => {
    const { user, email } = await makeOrgUser();
    await requestPasswordReset(email, ctx());
    const { token } = await resetLink(email);
    await db.orgUser.update({ where: { id: user.id }, data: { disabledAt: new Date() } });
    expect(await describeResetLink(token)).toEqual({ status: "unknown" });
    await expect(resetPassword(token, NEW_PASSWORD, ctx())).rejects.toMatchObject({ code: "NOT_FOUND" });
  });
});
