import { createPublicKey } from "node:crypto";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { verifyLicenseFile } from "@/lib/license-files/verify-license-file";
import { decryptPrivateKey, SigningKeyDecryptError } from "@/lib/signing/key-encryption";
import { keyIdOf } from "@/lib/signing/key-id";
import { parseSignatureHeader, verifyResponseSignature } from "@/lib/signing/response-signature";
import { forgetCachedSigningKeys } from "@/lib/signing/signing-keys";
import { callRoute } from "@/lib/test/http";
import { makeAdminToken, makeLicense } from "@/lib/test/factories";
import { POST as activate } from "./activations/route";
import { POST as rotate } from "./admin/signing-keys/rotate/route";
import { POST as deactivate } from "./deactivations/route";
import { POST as heartbeat } from "./heartbeats/route";
import { POST as licenseFiles } from "./license-files/route";
import { GET as publicKey } from "./public-key/route";
import { POST as validate } from "./validate/route";

const SECRET = "offline-int-test-secret";
beforeAll(() => {
  process.env.SEATWISE_SECRET = SECRET;
});

type TKeys = { keyId: string; publicKey: string; keys: { keyId: string; publicKey: string; active: boolean; createdAt: string }[] };

/** What a client app knows: only the public keys, fetched from the server. */
async function fetchKeys(): Promise<{ body: TKeys; map: Record<string, string> }> {
  const res = await callRoute(publicKey);
  expect(res.status).toBe(200);
  return { body: res.json, map: Object.fromEntries(res.json.keys.map((k: { keyId: string; publicKey: string }) => [k.keyId, k.publicKey])) };
}

function expectSigned(res: { headers: Headers; text: string }, keys: Record<string, string>) {
  const date = res.headers.get("date");
  expect(date).toMatch(/^\w{3}, \d{2} \w{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/);
  const header = res.headers.get("seatwise-signature");
  expect(header).toMatch(/^keyId="[0-9a-f]{16}", algorithm="ed25519", signature="[A-Za-z0-9+/]+=*"$/);
  expect(verifyResponseSignature({ date, signatureHeader: header, body: res.text }, keys)).toBe(true);
  // The signature covers the body and the date: change either and it fails.
  expect(verifyResponseSignature({ date, signatureHeader: header, body: `${res.text} ` }, keys)).toBe(false);
  expect(verifyResponseSignature({ date: new Date(Date.parse(date!) - 1000).toUTCString(), signatureHeader: header, body: res.text }, keys)).toBe(false);
}

describe("signing key", () => {
  it("is created on first use, served as SPKI PEM with its keyId, and stored encrypted", async () => {
    const { body } = await fetchKeys();
    expect(body).toMatchObject({ algorithm: "ed25519", keyId: expect.stringMatching(/^[0-9a-f]{16}$/) });
    expect(body.publicKey).toContain("-----BEGIN PUBLIC KEY-----");
    expect(keyIdOf(createPublicKey(body.publicKey))).toBe(body.keyId);
    expect(body.keys).toEqual([expect.objectContaining({ keyId: body.keyId, publicKey: body.publicKey, active: true })]);

    const row = await db.signingKey.findUniqueOrThrow({ where: { id: body.keyId }, omit: { encryptedPrivateKey: false } });
    expect(row.encryptedPrivateKey).toMatch(/^v1\./);
    expect(row.encryptedPrivateKey).not.toContain("PRIVATE KEY");
    const der = decryptPrivateKey(row.encryptedPrivateKey, SECRET);
    expect(row.encryptedPrivateKey).not.toContain(der.toString("base64"));
    expect(() => decryptPrivateKey(row.encryptedPrivateKey, "another secret")).toThrow(SigningKeyDecryptError);
    // The default query never returns the encrypted key.
    expect(Object.keys(await db.signingKey.findUniqueOrThrow({ where: { id: body.keyId } }))).not.toContain("encryptedPrivateKey");
    expect(await db.signingKey.count()).toBe(1);
  });

  it("answers 500 (not an unsigned answer) when the secret can't decrypt the key", async () => {
    const { key } = await makeLicense();
    process.env.SEATWISE_SECRET = "wrong secret";
    forgetCachedSigningKeys();
    try {
      const res = await callRoute(validate, { body: { key } });
      expect(res.status).toBe(500);
      expect(res.json.error.code).toBe("INTERNAL_ERROR");
    } finally {
      process.env.SEATWISE_SECRET = SECRET;
      forgetCachedSigningKeys();
    }
    expect((await callRoute(validate, { body: { key } })).status).toBe(200);
  });
});

describe("license files", () => {
  it("comes with an activation and from POST /api/v1/license-files, and verifies with the public key only", async () => {
    const { key, license, product, policy, organization } = await makeLicense({ license: { seats: 2 } });
    await db.policy.update({ where: { id: policy.id }, data: { offlineIntervalDays: 10, entitlements: ["export"] } });
    await db.license.update({ where: { id: license.id }, data: { entitlements: ["api", "export"] } });
    const { map } = await fetchKeys();
    const act = await callRoute(activate, { body: { key, fingerprint: "MACHINE-A" } });
    expect(act.status).toBe(201);
    const fromActivation = verifyLicenseFile(act.json.licenseFile, { publicKeys: map, fingerprint: "MACHINE-A", product: product.code });
    expect(fromActivation.valid).toBe(true);
    if (!fromActivation.valid) return;
    const p = fromActivation.payload;
    expect(p).toMatchObject({
      version: 1,
      licenseId: license.id,
      product: { id: product.id, code: product.code, name: product.name },
      policy: { id: policy.id, name: policy.name },
      organization: { id: organization.id, name: organization.name },
      fingerprint: "MACHINE-A",
      model: "NODE_LOCKED",
      seats: 2,
      entitlements: ["api", "export"],
      expiresAt: license.expiresAt ?? null,
      activationId: act.json.activation.id,
    });
    const days = (Date.parse(p.validUntil) - Date.parse(p.issuedAt)) / 86_400_000;
    expect(days).toBe(10);

    const res = await callRoute(licenseFiles, { body: { key, fingerprint: "MACHINE-A" } });
    expect(res.status).toBe(200);
    expectSigned(res, map);
    expect(verifyLicenseFile(res.json.licenseFile, { publicKeys: map, fingerprint: "MACHINE-A" }).valid).toBe(true);
    expect(verifyLicenseFile(res.json.licenseFile, { publicKeys: map, fingerprint: "MACHINE-B" })).toMatchObject({ code: "FINGERPRINT_MISMATCH" });
    // The file's validity runs out: a client with a clock past validUntil refuses it.
    expect(verifyLicenseFile(res.json.licenseFile, { publicKeys: map, now: new Date(Date.now() + 11 * 86_400_000) })).toMatchObject({
      valid: false,
      code: "FILE_EXPIRED",
    });
    const event = await db.event.findFirst({ where: { licenseId: license.id, action: "license_file.issued" } });
    expect(event?.data).toMatchObject({ via: "api" });
  });

  it("uses the check-in interval when there is one", async () => {
    const { key, policy } = await makeLicense();
    await db.policy.update({ where: { id: policy.id }, data: { checkInIntervalDays: 3, offlineIntervalDays: 30 } });
    const act = await callRoute(activate, { body: { key, fingerprint: "m" } });
    const { map } = await fetchKeys();
    const result = verifyLicenseFile(act.json.licenseFile, { publicKeys: map });
    expect(result.valid && (Date.parse(result.payload.validUntil) - Date.parse(result.payload.issuedAt)) / 86_400_000).toBe(3);
  });

  it("never lets a floating seat's file outlive its lease", async () => {
    const { key } = await makeLicense();
    const act = await callRoute(activate, { body: { key, fingerprint: "lease" } });
    const leaseExpiresAt = new Date(Date.now() + 3_600_000);
    await db.activation.update({ where: { id: act.json.activation.id }, data: { leaseExpiresAt } });
    const res = await callRoute(licenseFiles, { body: { key, fingerprint: "lease" } });
    const result = verifyLicenseFile(res.json.licenseFile, { publicKeys: (await fetchKeys()).map });
    expect(result.valid && result.payload.validUntil).toBe(leaseExpiresAt.toISOString());
  });

  it("refuses a device without a seat, an unknown key, a suspended license", async () => {
    const { key, license } = await makeLicense();
    const none = await callRoute(licenseFiles, { body: { key, fingerprint: "never-activated" } });
    expect([none.status, none.json.error.code]).toEqual([404, "ACTIVATION_NOT_FOUND"]);
    await callRoute(activate, { body: { key, fingerprint: "gone" } });
    await callRoute(deactivate, { body: { key, fingerprint: "gone" } });
    expect((await callRoute(licenseFiles, { body: { key, fingerprint: "gone" } })).json.error.code).toBe("ACTIVATION_NOT_FOUND");
    expect((await callRoute(licenseFiles, { body: { key: "AAAAA-BBBBB", fingerprint: "x" } })).json.error.code).toBe("LICENSE_NOT_FOUND");
    await callRoute(activate, { body: { key, fingerprint: "here" } });
    await db.license.update({ where: { id: license.id }, data: { status: "SUSPENDED" } });
    const suspended = await callRoute(licenseFiles, { body: { key, fingerprint: "here" } });
    expect([suspended.status, suspended.json.error.code]).toEqual([403, "LICENSE_SUSPENDED"]);
  });
});

describe("signed responses", () => {
  it("every client route signs successes and errors over Date + body", async () => {
    const { key } = await makeLicense({ license: { seats: 1 } });
    const { map } = await fetchKeys();
    const responses = [
      await callRoute(publicKey),
      await callRoute(activate, { body: { key, fingerprint: "s-1" } }),
      await callRoute(activate, { body: { key, fingerprint: "s-2" } }), // 409 seat limit
      await callRoute(validate, { body: { key, fingerprint: "s-1", nonce: "abc" } }),
      await callRoute(heartbeat, { body: { key, fingerprint: "s-1" } }),
      await callRoute(licenseFiles, { body: { key, fingerprint: "s-1" } }),
      await callRoute(licenseFiles, { rawBody: "{not json" }), // 400
      await callRoute(deactivate, { body: { key, fingerprint: "s-1" } }),
      await callRoute(deactivate, { body: { key: "nope", fingerprint: "s-1" } }), // 404
    ];
    expect(responses.map((r) => r.status)).toEqual([200, 201, 409, 200, 200, 200, 400, 200, 404]);
    for (const res of responses) expectSigned(res, map);
  });

  it("admin routes are not signed", async () => {
    const { authorization } = await makeAdminToken();
    const res = await callRoute(rotate, { method: "POST", headers: { authorization } });
    expect(res.headers.get("seatwise-signature")).toBeNull();
  });
});

describe("rotation", () => {
  it("makes a new active key; files and answers signed by old keys still verify by keyId", async () => {
    const { key } = await makeLicense();
    const before = await fetchKeys();
    const oldFile = (await callRoute(activate, { body: { key, fingerprint: "rot" } })).json.licenseFile as string;
    const oldAnswer = await callRoute(validate, { body: { key } });

    const readOnly = await makeAdminToken("READ_ONLY");
    expect((await callRoute(rotate, { method: "POST", headers: { authorization: readOnly.authorization } })).status).toBe(403);
    const { authorization } = await makeAdminToken();
    const rotated = await callRoute(rotate, { method: "POST", headers: { authorization } });
    expect(rotated.status).toBe(201);
    expect(rotated.json.keyId).not.toBe(before.body.keyId);
    expect(rotated.json.previousKeyIds).toContain(before.body.keyId);

    const after = await fetchKeys();
    expect(after.body.keyId).toBe(rotated.json.keyId);
    expect(after.body.keys.filter((k) => k.active)).toHaveLength(1);
    expect(after.body.keys.map((k) => k.keyId)).toEqual(expect.arrayContaining(before.body.keys.map((k) => k.keyId)));
    expect(after.body.keys.find((k) => k.keyId === before.body.keyId)).toMatchObject({ active: false, publicKey: before.body.publicKey });

    // New signatures use the new key (rotation in this process drops the cached active key at once).
    const newFile = (await callRoute(licenseFiles, { body: { key, fingerprint: "rot" } })).json.licenseFile as string;
    const fresh = verifyLicenseFile(newFile, { publicKeys: after.body.keys });
    expect(fresh.valid && fresh.keyId).toBe(after.body.keyId);
    const newAnswer = await callRoute(validate, { body: { key } });
    expect(parseSignatureHeader(newAnswer.headers.get("seatwise-signature")!)?.keyId).toBe(after.body.keyId);
    expectSigned(newAnswer, after.map);

    // Old ones verify with the listed old key, and not with only the new key.
    expect(verifyLicenseFile(oldFile, { publicKeys: after.body.keys }).valid).toBe(true);
    expect(verifyLicenseFile(oldFile, { publicKeys: after.body.publicKey })).toMatchObject({ code: "UNKNOWN_KEY" });
    expectSigned(oldAnswer, after.map);
    const event = await db.event.findFirst({ where: { action: "signing_key.rotated" } });
    expect(event).toMatchObject({ actorType: "API_TOKEN" });
  });
});
