import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { GET as listKeys, POST as issueKeys } from "@/app/api/v1/admin/licenses/[id]/token-keys/route";
import { POST as activate } from "@/app/api/v1/activations/route";
import { POST as validate } from "@/app/api/v1/validate/route";
import { ApiError } from "../api/errors";
import { db } from "../db";
import { activateSeat } from "../licensing/activate-seat";
import { countSeatsInUse } from "../licensing/count-seats";
import { deactivateSeat } from "../licensing/deactivate-seat";
import { setMailSettings } from "../mail/settings";
import { callRoute } from "../test/http";
import { makeAdminToken, makeLicense, staffCtx } from "../test/factories";
import { issueTokenKeys } from "./issue-token-keys";

const run = promisify(execFile);

/** Several OS processes (own Prisma client and pool each) racing on one PostgreSQL database. */
async function processRace(key: string, perProcess: number) {
  const worker = path.join(import.meta.dirname, "../test/race-worker.ts");
  const env = { ...process.env, DATABASE_POOL_SIZE: "4" };
  const results = await Promise.all(
    ["p1", "p2", "p3", "p4"].map((prefix) =>
      run(process.execPath, ["--conditions=react-server", "--import", "tsx", worker, key, prefix, String(perProcess)], { env, timeout: 90_000 }),
    ),
  );
  const totals: Record<string, number> = {};
  for (const { stdout } of results) {
    for (const [k, v] of Object.entries(JSON.parse(stdout.trim().split("\n").pop()!) as Record<string, number>)) totals[k] = (totals[k] ?? 0) + v;
  }
  return totals;
}

const ctx = { actor: { type: "LICENSE_KEY" as const }, ip: "127.0.0.1" };

async function periodOf(licenseId: string) {
  return (await db.license.findUniqueOrThrow({ where: { id: licenseId } })).currentPeriodId!;
}

async function race(keys: string[], fingerprints: string[]) {
  const outcomes: Record<string, number> = {};
  await Promise.all(
    fingerprints.map(async (fingerprint, i) => {
      try {
        const r = await activateSeat({ key: keys[i % keys.length]!, fingerprint }, ctx);
        const k = r.created ? (r.overage ? "overage" : "created") : "existing";
        outcomes[k] = (outcomes[k] ?? 0) + 1;
      } catch (error) {
        const code = error instanceof ApiError ? error.code : String(error);
        outcomes[code] = (outcomes[code] ?? 0) + 1;
      }
    }),
  );
  return outcomes;
}

describe("token keys", () => {
  it("the admin API issues exactly one token key per seat, idempotently, and lists them", async () => {
    const { license } = await makeLicense({ license: { seats: 3 } });
    const { authorization } = await makeAdminToken();
    const first = await callRoute(issueKeys, { method: "POST", params: { id: license.id }, headers: { authorization } });
    expect([first.status, first.json.issued, first.json.total]).toEqual([201, 3, 3]);
    const again = await callRoute(issueKeys, { method: "POST", params: { id: license.id }, headers: { authorization } });
    expect([again.status, again.json.issued, again.json.total]).toEqual([200, 0, 3]);
    const list = await callRoute(listKeys, { params: { id: license.id }, headers: { authorization } });
    expect(list.json.tokenKeys).toHaveLength(3);
    expect(new Set(list.json.tokenKeys.map((t: { key: string }) => t.key)).size).toBe(3);
    expect(list.json.tokenKeys[0]).toMatchObject({ fingerprint: null, usedAt: null });
    const readOnly = await makeAdminToken("READ_ONLY");
    const refused = await callRoute(issueKeys, { method: "POST", params: { id: license.id }, headers: { authorization: readOnly.authorization } });
    expect(refused.json.error.code).toBe("FORBIDDEN");
  });

  it("a token key activates one device, ever; it works in validate; a second fingerprint gets 409 TOKEN_ALREADY_USED", async () => {
    const { license } = await makeLicense({ license: { seats: 2 } });
    const { tokenKeys } = await issueTokenKeys(license.id, staffCtx);
    const token = tokenKeys[0]!.key;
    const first = await callRoute(activate, { body: { key: token, fingerprint: "pc-1" } });
    expect(first.status).toBe(201);
    expect((await callRoute(activate, { body: { key: token, fingerprint: "pc-1" } })).status).toBe(200);
    const second = await callRoute(activate, { body: { key: token, fingerprint: "pc-2" } });
    expect([second.status, second.json.error.code]).toEqual([409, "TOKEN_ALREADY_USED"]);
    expect((await callRoute(validate, { body: { key: token, fingerprint: "pc-1" } })).json.code).toBe("VALID");
    // Even after the device lets go, the token key stays bound to it.
    await deactivateSeat({ key: token, fingerprint: "pc-1" }, ctx);
    const after = await callRoute(activate, { body: { key: token, fingerprint: "pc-2" } });
    expect(after.json.error.code).toBe("TOKEN_ALREADY_USED");
    const row = await db.tokenKey.findUniqueOrThrow({ where: { key: token } });
    expect(row).toMatchObject({ fingerprint: "pc-1", activationId: first.json.activation.id });
  });

  it("token keys and the license key share one seat pool", async () => {
    const { key, license } = await makeLicense({ license: { seats: 2 } });
    const { tokenKeys } = await issueTokenKeys(license.id, staffCtx);
    await activateSeat({ key, fingerprint: "a" }, ctx);
    await activateSeat({ key: tokenKeys[0]!.key, fingerprint: "b" }, ctx);
    await expect(activateSeat({ key: tokenKeys[1]!.key, fingerprint: "c" }, ctx)).rejects.toMatchObject({ code: "SEAT_LIMIT_REACHED" });
  });

  it("one token key raced from 20 fingerprints: exactly one wins", { timeout: 120_000 }, async () => {
    const { license } = await makeLicense({ license: { seats: 20 } });
    const { tokenKeys } = await issueTokenKeys(license.id, staffCtx);
    const outcomes = await race([tokenKeys[0]!.key], Array.from({ length: 20 }, (_, i) => `fp-${i}`));
    expect(outcomes).toEqual({ created: 1, TOKEN_ALREADY_USED: 19 });
    expect(await db.activation.count({ where: { licenseId: license.id } })).toBe(1);
  });
});

describe("goodwill seats", () => {
  it("activations past the limit up to limit+G succeed as overage, are logged and emailed once per period", async () => {
    await setMailSettings({ billingContact: "billing@vendor.test", sender: null });
    const { key, license } = await makeLicense({ policy: { seats: 2, goodwillSeats: 2 } });
    for (const fp of ["a", "b"]) expect((await callRoute(activate, { body: { key, fingerprint: fp } })).json.overage).toBe(false);
    const third = await callRoute(activate, { body: { key, fingerprint: "c" } });
    expect([third.status, third.json.overage, third.json.activation.overage]).toEqual([201, true, true]);
    expect((await callRoute(activate, { body: { key, fingerprint: "d" } })).json.overage).toBe(true);
    const fifth = await callRoute(activate, { body: { key, fingerprint: "e" } });
    expect([fifth.status, fifth.json.error.code]).toEqual([409, "SEAT_LIMIT_REACHED"]);
    expect(fifth.json.error.seats).toEqual({ limit: 2, used: 4, goodwill: 2 });
    expect(await db.event.count({ where: { licenseId: license.id, action: "activation.overage" } })).toBe(2);
    const periodId = await periodOf(license.id);
    const mails = await db.emailMessage.findMany({ where: { kind: "goodwill_in_use", dedupeKey: { startsWith: `goodwill:${periodId}:` } } });
    expect(mails).toHaveLength(1);
    expect(mails[0]!.to).toBe("billing@vendor.test");
    expect(mails[0]!.subject).toContain("is using goodwill seats");
    expect(mails[0]!.text).toContain("3 (limit 2 + 2 goodwill)");
    expect(mails[0]!.text).toContain(key);
    const period = await db.billingPeriod.findUniqueOrThrow({ where: { id: periodId } });
    expect(period.goodwillNotifiedAt).not.toBeNull();
  });

  it("a license override of 0 turns goodwill off", async () => {
    const { key, license } = await makeLicense({ policy: { seats: 1, goodwillSeats: 3 } });
    await db.license.update({ where: { id: license.id }, data: { goodwillSeats: 0 } });
    await activateSeat({ key, fingerprint: "a" }, ctx);
    await expect(activateSeat({ key, fingerprint: "b" }, ctx)).rejects.toMatchObject({ code: "SEAT_LIMIT_REACHED" });
  });

  it("40 concurrent activations end with exactly limit+G seats and overage flags exactly on the extras", { timeout: 180_000 }, async () => {
    const { key, license } = await makeLicense({ policy: { seats: 10, goodwillSeats: 5 } });
    const { tokenKeys } = await issueTokenKeys(license.id, staffCtx);
    // Five devices come in through their own token keys, the rest with the license key: one pool for both.
    const keys = [...tokenKeys.slice(0, 5).map((t) => t.key), ...Array.from({ length: 35 }, () => key)];
    const fingerprints = Array.from({ length: 40 }, (_, i) => `dev-${i}`);
    const outcomes = await race(keys, fingerprints);
    expect(outcomes.SEAT_LIMIT_REACHED).toBe(25);
    const created = (outcomes.created ?? 0) + (outcomes.overage ?? 0);
    expect(created).toBe(15);
    expect(outcomes.created).toBe(10);
    expect(outcomes.overage).toBe(5);
    expect(await countSeatsInUse(db, license.id, new Date())).toBe(15);
    const rows = await db.activation.findMany({ where: { licenseId: license.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(rows.filter((r) => r.overage)).toHaveLength(5);
    expect(await db.emailMessage.count({ where: { dedupeKey: { startsWith: `goodwill:${await periodOf(license.id)}:` } } })).toBe(1);
  });

  it.runIf(process.env.TEST_DB_KIND === "postgres")("4 processes × 10 devices on 10 seats + 5 goodwill: exactly 15 seats, 5 of them overage", { timeout: 180_000 }, async () => {
    const { key, license } = await makeLicense({ policy: { seats: 10, goodwillSeats: 5 } });
    expect(await processRace(key, 10)).toEqual({ created: 15, SEAT_LIMIT_REACHED: 25 });
    expect(await db.activation.count({ where: { licenseId: license.id, deactivatedAt: null } })).toBe(15);
    expect(await db.activation.count({ where: { licenseId: license.id, overage: true } })).toBe(5);
  });

  it.runIf(process.env.TEST_DB_KIND === "postgres")("one token key raced by 4 processes × 10 devices: exactly one wins", { timeout: 180_000 }, async () => {
    const { license } = await makeLicense({ license: { seats: 40 } });
    const { tokenKeys } = await issueTokenKeys(license.id, staffCtx);
    expect(await processRace(tokenKeys[0]!.key, 10)).toEqual({ created: 1, TOKEN_ALREADY_USED: 39 });
    expect(await db.activation.count({ where: { licenseId: license.id } })).toBe(1);
  });
});
