import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { keyIdOf } from "./key-id";
import { parseSignatureHeader, signatureHeaderValue, verifyResponseSignature } from "./response-signature";

describe("response signatures", () => {
  const pair = generateKeyPairSync("ed25519");
  const keyId = keyIdOf(pair.publicKey);
  const keys = { [keyId]: pair.publicKey.export({ type: "spki", format: "pem" }).toString() };
  const date = "Sun, 22 Nov 2026 10:00:00 GMT";
  const body = Buffer.from('{"valid":true,"code":"VALID"}');
  const header = signatureHeaderValue(keyId, pair.privateKey, date, body);

  it("has the documented header shape", () => {
    expect(header).toMatch(/^keyId="[0-9a-f]{16}", algorithm="ed25519", signature="[A-Za-z0-9+/]+={0,2}"$/);
    expect(parseSignatureHeader(header)).toMatchObject({ keyId, algorithm: "ed25519" });
  });

  it("verifies the exact body and date, and nothing else", () => {
    expect(verifyResponseSignature({ date, signatureHeader: header, body }, keys)).toBe(true);
    expect(verifyResponseSignature({ date: "Sun, 22 Nov 2026 10:00:01 GMT", signatureHeader: header, body }, keys)).toBe(false);
    for (let i = 0; i < body.length; i++) {
      const tampered = Buffer.from(body);
      tampered[i] = tampered[i]! ^ 1;
      expect(verifyResponseSignature({ date, signatureHeader: header, body: tampered }, keys)).toBe(false);
    }
    expect(verifyResponseSignature({ date, signatureHeader: header.replace(keyId, "0000000000000000"), body }, keys)).toBe(false);
    expect(verifyResponseSignature({ date, signatureHeader: null, body }, keys)).toBe(false);
  });
});
