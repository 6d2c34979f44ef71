import { describe, expect, it } from "vitest";
import { SignatureError } from "./errors";
import { parseSignatureHeader, verifyResponseSignature } from "./signature";
import { makeTestKey, signatureHeader } from "./test-signer";

const key = makeTestKey();
const keys = [{ keyId: key.keyId, publicKey: key.publicKey }];

function codeOf(fn: () => unknown): string {
  try {
    fn();
    return "OK";
  } catch (error) {
    if (error instanceof SignatureError) return error.code;
    throw error;
  }
}

describe("verifyResponseSignature", () => {
  const date = new Date().toUTCString();
  const body = '{"valid":true,"code":"VALID"}';
  const signature = signatureHeader(date, body, key);

  it("verifies the exact body bytes plus the Date header and returns the signed time", () => {
    const result = verifyResponseSignature({ signature, date, body: new TextEncoder().encode(body) }, { keys });
    expect(result.keyId).toBe(key.keyId);
    expect(result.signedAt.toUTCString()).toBe(date);
  });

  it("fails for a changed body, a changed date, a changed signature or an unknown key", () => {
    expect(codeOf(() => verifyResponseSignature({ signature, date, body: body.replace("VALID", "VALIE") }, { keys }))).toBe("INVALID");
    expect(codeOf(() => verifyResponseSignature({ signature, date, body: `${body} ` }, { keys }))).toBe("INVALID");
    const otherDate = new Date(Date.parse(date) + 1000).toUTCString();
    expect(codeOf(() => verifyResponseSignature({ signature, date: otherDate, body }, { keys }))).toBe("INVALID");
    const flipped = signature.replace(/signature="(.)/, (_, c) => `signature="${c === "A" ? "B" : "A"}`);
    expect(codeOf(() => verifyResponseSignature({ signature: flipped, date, body }, { keys }))).toBe("INVALID");
    expect(codeOf(() => verifyResponseSignature({ signature: signature.replace(key.keyId, "nope"), date, body }, { keys }))).toBe("UNKNOWN_KEY");
    expect(codeOf(() => verifyResponseSignature({ signature: null, date, body }, { keys }))).toBe("MISSING");
    expect(codeOf(() => verifyResponseSignature({ signature: "garbage", date, body }, { keys }))).toBe("MALFORMED");
  });

  it("refuses an old (replayed) answer unless the age check is off", () => {
    const old = new Date(Date.now() - 3_600_000).toUTCString();
    const oldSig = signatureHeader(old, body, key);
    expect(codeOf(() => verifyResponseSignature({ signature: oldSig, date: old, body }, { keys }))).toBe("STALE");
    expect(codeOf(() => verifyResponseSignature({ signature: oldSig, date: old, body }, { keys, maxAgeMs: null }))).toBe("OK");
  });

  it("parses the header in any field order", () => {
    expect(parseSignatureHeader('signature="c2ln", algorithm="ed25519", keyId="k1"')).toEqual({ keyId: "k1", algorithm: "ed25519", signature: "c2ln" });
    expect(parseSignatureHeader('keyId="k1"')).toBeNull();
  });
});
