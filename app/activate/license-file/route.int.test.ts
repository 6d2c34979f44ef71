import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyLicenseFile } from "@/lib/license-files/verify-license-file";
import { listPublicKeys } from "@/lib/signing/signing-keys";
import { callRoute } from "@/lib/test/http";
import { makeLicense } from "@/lib/test/factories";
import { POST } from "./route";

beforeAll(() => {
  process.env.SEATWISE_SECRET = "activate-form-test-secret";
  process.env.SEATWISE_RATE_LIMIT_ACTIVATE_FORM = "4/600";
});

let ipCounter = 0;
const nextIp = () => `203.0.113.${++ipCounter}`;

describe("POST /activate/license-file (the public activation form)", () => {
  it("activates the machine and downloads <machine code>.lic that verifies with the public key", async () => {
    const { key, license } = await makeLicense({ license: { seats: 2 } });
    const res = await callRoute(POST, { body: { key, machineCode: "ABCD-1234", friendlyName: "Lab PC 3" }, ip: nextIp() });
    expect(res.status).toBe(200);
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="ABCD-1234.lic"');
    expect(res.headers.get("seatwise-activation")).toBe("created");
    expect(res.headers.get("x-ratelimit-limit")).toBe("4");
    const result = verifyLicenseFile(res.text, { publicKeys: await listPublicKeys(), fingerprint: "ABCD-1234" });
    expect(result.valid).toBe(true);
    const seat = await db.activation.findFirstOrThrow({ where: { licenseId: license.id } });
    expect(seat).toMatchObject({ fingerprint: "ABCD-1234", friendlyName: "Lab PC 3", ip: ipCounter ? `203.0.113.${ipCounter}` : null });
    const event = await db.event.findFirstOrThrow({ where: { licenseId: license.id, action: "license_file.issued" } });
    expect(event.data).toMatchObject({ via: "form" });

    const again = await callRoute(POST, { body: { key, machineCode: "ABCD-1234" }, ip: nextIp() });
    expect(again.headers.get("seatwise-activation")).toBe("existing");
    expect(await db.activation.count({ where: { licenseId: license.id } })).toBe(1);
  });

  it("sanitizes the file name", async () => {
    const { key } = await makeLicense();
    const res = await callRoute(POST, { body: { key, machineCode: '../../etc/"passwd"\r\nX: y' }, ip: nextIp() });
    expect(res.headers.get("content-disposition")).toBe('attachment; filename="etc_passwd_X_y.lic"');
  });

  it("refuses with the API's error codes, or redirects a plain form post back with ?error", async () => {
    const { key, license } = await makeLicense({ license: { seats: 1 } });
    const ip = nextIp();
    const missing = await callRoute(POST, { body: { key, machineCode: "  " }, ip });
    expect([missing.status, missing.json.error.code]).toEqual([400, "INVALID_REQUEST"]);
    expect(missing.json.error.message).toContain("machine code");
    await callRoute(POST, { body: { key, machineCode: "one" }, ip });
    const full = await callRoute(POST, { body: { key, machineCode: "two" }, ip });
    expect([full.status, full.json.error.code]).toEqual([409, "SEAT_LIMIT_REACHED"]);

    await db.license.update({ where: { id: license.id }, data: { status: "SUSPENDED" } });
    const form = await callRoute(POST, {
      rawBody: new URLSearchParams({ key, machineCode: "three" }).toString(),
      headers: { "content-type": "application/x-www-form-urlencoded" },
      ip: nextIp(),
    });
    expect(form.status).toBe(303);
    expect(form.headers.get("location")).toBe("/activate?error=LICENSE_SUSPENDED");
  });

  it("rate limits per IP with 429, Retry-After and X-RateLimit headers", async () => {
    const ip = nextIp();
    const statuses: number[] = [];
    for (let i = 0; i < 4; i++) statuses.push((await callRoute(POST, { body: { key: "nope", machineCode: "m" }, ip })).status);
    expect(statuses).toEqual([404, 404, 404, 404]);
    const limited = await callRoute(POST, { body: { key: "nope", machineCode: "m" }, ip });
    expect(limited.status).toBe(429);
    expect(limited.json.error.code).toBe("RATE_LIMITED");
    expect(Number(limited.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(limited.headers.get("x-ratelimit-remaining")).toBe("0");
    // Another address is not affected.
    expect((await callRoute(POST, { body: { key: "nope", machineCode: "m" }, ip: nextIp() })).status).toBe(404);
    expect(await db.rateLimiterFlexible.count({ where: { key: `activate_form:${ip}` } })).toBe(1);
  });
});
