import { createPublicKey, sign, verify, type KeyObject } from "node:crypto";
import { keyIdOf } from "./key-id";

/**
 * Signed API answers: `Seatwise-Signature: keyId="…", algorithm="ed25519", signature="<base64>"`,
 * Ed25519 over UTF-8(<Date header value> + "\n") followed by the exact body bytes.
 * The Date is signed so an app can refuse an old answer replayed to it.
 */
export const SIGNATURE_HEADER = "Seatwise-Signature";

export function signedMessage(date: string, body: Uint8Array): Buffer {
  return Buffer.concat([Buffer.from(`${date}\n`, "utf8"), body]);
}

export function signatureHeaderValue(keyId: string, privateKey: KeyObject, date: string, body: Uint8Array): string {
  const signature = sign(null, signedMessage(date, body), privateKey).toString("base64");
  return `keyId="${keyId}", algorithm="ed25519", signature="${signature}"`;
}

export function parseSignatureHeader(value: string): { keyId: string; algorithm: string; signature: string } | null {
  const fields: Record<string, string> = {};
  for (const match of value.matchAll(/(\w+)="([^"]*)"/g)) fields[match[1]!] = match[2]!;
  if (!fields.keyId || !fields.algorithm || !fields.signature) return null;
  return { keyId: fields.keyId, algorithm: fields.algorithm, signature: fields.signature };
}

/** Verifies a signed answer with public keys only: `keys` maps keyId → SPKI PEM. */
export function verifyResponseSignature(
  input: { date: string | null; signatureHeader: string | null; body: Uint8Array | string },
  keys: Record<string, string>,
): boolean {
  if (!input.date || !input.signatureHeader) return false;
  const parsed = parseSignatureHeader(input.signatureHeader);
  if (!parsed || parsed.algorithm !== "ed25519") return false;
  const pem = keys[parsed.keyId];
  if (!pem) return false;
  const publicKey = createPublicKey(pem);
  if (keyIdOf(publicKey) !== parsed.keyId) return false;
  const body = typeof input.body === "string" ? Buffer.from(input.body, "utf8") : input.body;
  try {
    return verify(null, signedMessage(input.date, body), publicKey, Buffer.from(parsed.signature, "base64"));
  } catch {
    return false;
  }
}
