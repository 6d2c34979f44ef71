import { createHash, createPublicKey, type KeyObject } from "node:crypto";

/** keyId = first 16 hex characters of SHA-256 over the DER (SPKI) encoding of the public key. */
export function keyIdOf(publicKey: KeyObject | string): string {
  const key = typeof publicKey === "string" ? createPublicKey(publicKey) : publicKey;
  const der = key.export({ type: "spki", format: "der" });
  return createHash("sha256").update(der).digest("hex").slice(0, 16);
}
