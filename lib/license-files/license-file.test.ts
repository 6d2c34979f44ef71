import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyIdOf } from "../signing/key-id";
import { encodeLicenseFile, LICENSE_FILE_BEGIN, LICENSE_FILE_END, type TLicenseFilePayload } from "./license-file-format";
import { decodeLicenseFile, verifyLicenseFile } from "./verify-license-file";

const pair = generateKeyPairSync("ed25519");
const signer = { keyId: keyIdOf(pair.publicKey), privateKey: pair.privateKey };
const publicPem = pair.publicKey.export({ type: "spki", format: "pem" }).toString();
const now = new Date("2026-06-01T12:00:00Z");

const payload: TLicenseFilePayload = {
  version: 1,
  licenseId: "lic_1",
  product: { id: "prod_1", code: "cad", name: "CAD Pro" },
  policy: { id: "pol_1", name: "Standard" },
  organization: { id: "org_1", name: "Globex" },
  fingerprint: "MACHINE-1",
  model: "NODE_LOCKED",
  seats: 5,
  entitlements: ["export"],
  issuedAt: now.toISOString(),
  expiresAt: "2027-01-01T00:00:00.000Z",
  validUntil: "2026-07-01T12:00:00.000Z",
  activationId: "act_1",
};

function reencode(file: string, edit: (envelope: Record<string, string>) => void): string {
  const envelope = decodeLicenseFile(file)! as unknown as Record<string, string>;
  edit(envelope);
  const body = Buffer.from(JSON.stringify(envelope)).toString("base64").match(/.{1,64}/g)!.join("\n");
  return `${LICENSE_FILE_BEGIN}\n${body}\n${LICENSE_FILE_END}\n`;
}

function flipByte(base64: string, index: number): string {
  const bytes = Buffer.from(base64, "base64");
  bytes[index] = bytes[index]! ^ 0x01;
  return bytes.toString("base64");
}

describe("license file format", () => {
  const file = encodeLicenseFile(payload, signer);

  it("is armored, wrapped at 64 characters, and carries the documented envelope", () => {
    const lines = file.trimEnd().split("\n");
    expect(lines[0]).toBe("-----BEGIN SEATWISE LICENSE FILE-----");
    expect(lines.at(-1)).toBe("-----END SEATWISE LICENSE FILE-----");
    const body = lines.slice(1, -1);
    expect(body.slice(0, -1).every((l) => l.length === 64)).toBe(true);
    expect(body.at(-1)!.length).toBeLessThanOrEqual(64);
    const envelope = JSON.parse(Buffer.from(body.join(""), "base64").toString("utf8"));
    expect(Object.keys(envelope).sort()).toEqual(["algorithm", "keyId", "payload", "signature"]);
    expect(envelope).toMatchObject({ algorithm: "ed25519", keyId: signer.keyId });
    expect(JSON.parse(Buffer.from(envelope.payload, "base64").toString("utf8"))).toEqual(payload);
  });

  it("verifies with the public key alone, as a string, a list or a keyId map, and from bytes", () => {
    const result = verifyLicenseFile(file, { publicKeys: publicPem, now, fingerprint: "MACHINE-1", product: "cad" });
    expect(result).toMatchObject({ valid: true, keyId: signer.keyId, payload });
    expect(verifyLicenseFile(Buffer.from(file), { publicKeys: [{ publicKey: publicPem }], now }).valid).toBe(true);
    expect(verifyLicenseFile(file.replace(/\n/g, "\r\n"), { publicKeys: { [signer.keyId]: publicPem }, now }).valid).toBe(true);
  });

  it("fails when any byte of the payload is flipped", () => {
    const envelope = decodeLicenseFile(file)!;
    const size = Buffer.from(envelope.payload, "base64").length;
    for (let i = 0; i < size; i++) {
      const tampered = reencode(file, (e) => (e.payload = flipByte(e.payload!, i)));
      const result = verifyLicenseFile(tampered, { publicKeys: publicPem, now });
      expect(result.valid, `payload byte ${i}`).toBe(false);
    }
  });

  it("fails when any byte of the signature is flipped", () => {
    for (let i = 0; i < 64; i++) {
      const tampered = reencode(file, (e) => (e.signature = flipByte(e.signature!, i)));
      expect(verifyLicenseFile(tampered, { publicKeys: publicPem, now })).toMatchObject({ valid: false, code: "BAD_SIGNATURE" });
    }
  });

  it("fails when any character of the keyId is changed, or the algorithm is not ed25519", () => {
    for (let i = 0; i < signer.keyId.length; i++) {
      const c = signer.keyId[i] === "0" ? "1" : "0";
      const tampered = reencode(file, (e) => (e.keyId = e.keyId!.slice(0, i) + c + e.keyId!.slice(i + 1)));
      expect(verifyLicenseFile(tampered, { publicKeys: publicPem, now })).toMatchObject({ valid: false, code: "UNKNOWN_KEY" });
    }
    const rsa = reencode(file, (e) => (e.algorithm = "rsa"));
    expect(verifyLicenseFile(rsa, { publicKeys: publicPem, now })).toMatchObject({ valid: false, code: "UNSUPPORTED_ALGORITHM" });
  });

  it("fails when any byte of the armored text is flipped", () => {
    const lines = file.split("\n");
    const start = lines[0]!.length + 1;
    const end = file.indexOf(LICENSE_FILE_END) - 1;
    for (let i = start; i < end; i++) {
      if (file[i] === "\n") continue;
      const replacement = file[i] === "A" ? "B" : "A";
      const tampered = file.slice(0, i) + replacement + file.slice(i + 1);
      expect(verifyLicenseFile(tampered, { publicKeys: publicPem, now }).valid, `char ${i}`).toBe(false);
    }
  });

  it("refuses a file signed by another key", () => {
    const other = generateKeyPairSync("ed25519");
    const forged = encodeLicenseFile(payload, { keyId: signer.keyId, privateKey: other.privateKey });
    expect(verifyLicenseFile(forged, { publicKeys: publicPem, now })).toMatchObject({ valid: false, code: "BAD_SIGNATURE" });
  });

  it("detects an expired validUntil, an expired license, another machine and another product", () => {
    expect(verifyLicenseFile(file, { publicKeys: publicPem, now: new Date(payload.validUntil) })).toMatchObject({
      valid: false,
      code: "FILE_EXPIRED",
    });
    const lapsed = encodeLicenseFile({ ...payload, expiresAt: "2026-05-01T00:00:00.000Z" }, signer);
    expect(verifyLicenseFile(lapsed, { publicKeys: publicPem, now })).toMatchObject({ valid: false, code: "LICENSE_EXPIRED" });
    const perpetual = encodeLicenseFile({ ...payload, expiresAt: null }, signer);
    expect(verifyLicenseFile(perpetual, { publicKeys: publicPem, now }).valid).toBe(true);
    expect(verifyLicenseFile(file, { publicKeys: publicPem, now, fingerprint: "MACHINE-2" })).toMatchObject({ code: "FINGERPRINT_MISMATCH" });
    expect(verifyLicenseFile(file, { publicKeys: publicPem, now, product: "other" })).toMatchObject({ code: "PRODUCT_MISMATCH" });
    expect(verifyLicenseFile(file, { publicKeys: publicPem, now, product: "prod_1" }).valid).toBe(true);
  });

  it("calls anything else malformed", () => {
    for (const text of ["", "hello", `${LICENSE_FILE_BEGIN}\n!!!\n${LICENSE_FILE_END}`, file.replace(LICENSE_FILE_END, "")]) {
      expect(verifyLicenseFile(text, { publicKeys: publicPem, now })).toMatchObject({ valid: false, code: "MALFORMED" });
    }
  });
});
