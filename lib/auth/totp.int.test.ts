import { generate } from "otplib";
import { describe, expect, it } from "vitest";
import { POST as createToken } from "@/app/api/v1/admin/tokens/route";
import { db } from "@/lib/db";
import { makeStaff } from "@/lib/test/factories";
import { callRoute } from "@/lib/test/http";
import { authOptions } from "./auth-options";
import { beginTotpEnrollment, confirmTotpEnrollment, disableTotp } from "./totp";

process.env.SEATWISE_SECRET ||= "totp-test-secret";
const ctx = { actor: { type: "STAFF" as const } };

type TAuthorize = (credentials: Record<string, string>, req: { headers: Record<string, string> }) => Promise<unknown>;
const provider = authOptions.providers[0] as unknown as { options: { authorize: TAuthorize } };
let n = 0;
const authorize = (credentials: Record<string, string>) => provider.options.authorize(credentials, { headers: { "x-forwarded-for": `192.0.2.${++n}` } });
const basic = (email: string, password: string) => `Basic ${Buffer.from(`${email}:${password}`).toString("base64")}`;

async function enrolled() {
  const s = await makeStaff();
  const { secret } = await beginTotpEnrollment(s.staff.id);
  await expect(confirmTotpEnrollment(s.staff.id, "000000", ctx)).rejects.toThrow(/not right/);
  await confirmTotpEnrollment(s.staff.id, await generate({ secret }), ctx);
  return { ...s, secret };
}

describe("TOTP two-factor sign-in", () => {
  it("stores the seed sealed, never in the clear, and only enables it after a correct code", async () => {
    const s = await makeStaff();
    const { secret, uri, qrDataUrl } = await beginTotpEnrollment(s.staff.id);
    expect(uri).toMatch(/^otpauth:\/\/totp\/Seatwise:/);
    expect(qrDataUrl).toMatch(/^data:image\/svg\+xml;base64,/);
    const row = await db.staffUser.findUniqueOrThrow({ where: { id: s.staff.id }, omit: { totpSecret: false } });
    expect(row.totpEnabled).toBe(false);
    expect(row.totpSecret).toMatch(/^v1\./);
    expect(row.totpSecret).not.toContain(secret);
    // Omitted by default.
    expect((await db.staffUser.findUniqueOrThrow({ where: { id: s.staff.id } })) as Record<string, unknown>).not.toHaveProperty("totpSecret");
    expect(await authorize({ email: s.email, password: s.password })).toMatchObject({ id: s.staff.id });
  });

  it("sign-in then needs the code: missing → TOTP_REQUIRED, wrong → TOTP_INVALID, right → signed in", async () => {
    const s = await enrolled();
    await expect(authorize({ email: s.email, password: s.password })).rejects.toThrow("TOTP_REQUIRED");
    await expect(authorize({ email: s.email, password: s.password, totp: "123456" })).rejects.toThrow("TOTP_INVALID");
    expect(await authorize({ email: s.email, password: s.password, totp: await generate({ secret: s.secret }) })).toMatchObject({ id: s.staff.id });
    // A wrong password never reveals whether TOTP is on.
    expect(await authorize({ email: s.email, password: "nope" })).toBeNull();
    expect(await db.event.count({ where: { action: "staff.totp_enabled" } })).toBeGreaterThanOrEqual(1);
  });

  it("the admin token exchange needs the code too (X-Seatwise-TOTP)", async () => {
    const s = await enrolled();
    const without = await callRoute(createToken, { method: "POST", headers: { authorization: basic(s.email, s.password) }, ip: "192.0.2.200" });
    expect([without.status, without.json.error.code]).toEqual([401, "INVALID_CREDENTIALS"]);
    expect(without.json.error.message).toMatch(/X-Seatwise-TOTP/);
    const withCode = await callRoute(createToken, {
      method: "POST",
      headers: { authorization: basic(s.email, s.password), "x-seatwise-totp": await generate({ secret: s.secret }) },
      ip: "192.0.2.201",
    });
    expect(withCode.status).toBe(201);
  });

  it("turning it off needs a current code", async () => {
    const s = await enrolled();
    await expect(disableTotp(s.staff.id, "000000", ctx)).rejects.toThrow(/not right/);
    await disableTotp(s.staff.id, await generate({ secret: s.secret }), ctx);
    expect(await authorize({ email: s.email, password: s.password })).toMatchObject({ id: s.staff.id });
  });

  it("staff sign-in is throttled per account after 5 failures, with one Event", async () => {
    const s = await makeStaff();
    for (let i = 0; i < 5; i++) expect(await authorize({ email: s.email, password: `bad-${i}` })).toBeNull();
    await expect(authorize({ email: s.email, password: s.password })).rejects.toThrow("RATE_LIMITED");
    const events = await db.event.findMany({ where: { action: "security.sign_in_throttled", actorLabel: s.email } });
    expect(events).toHaveLength(1);
    expect(events[0]!.data).toMatchObject({ scope: "staff", failures: 5 });
    expect(await db.event.count({ where: { action: "staff.sign_in_failed", actorLabel: s.email } })).toBe(5);
  });
});
