import { createPublicKey, verify, type KeyObject } from "node:crypto";

/** A vendor public key as GET /api/v1/public-key lists it (PEM, SPKI). */
export type TPublicKey = { keyId: string; publicKey: string };

/**
 * The keys an app trusts. Embed them in the app at build time (never fetch them at run time
 * from the server you are verifying). A single PEM trusts any keyId; a list pins keyIds,
 * which lets a vendor rotate keys: old files keep verifying while their key is listed.
 */
export type TTrustedKeys = string | TPublicKey | TPublicKey[];

export class KeyRing {
  private readonly byId = new Map<string, KeyObject>();
  private readonly any: KeyObject | null = null;

  constructor(keys: TTrustedKeys) {
    if (typeof keys === "string") {
      this.any = toKey(keys);
      return;
    }
    for (const key of Array.isArray(keys) ? keys : [keys]) this.byId.set(key.keyId, toKey(key.publicKey));
  }

  find(keyId: string | undefined): KeyObject | null {
    if (this.any) return this.any;
    return keyId ? (this.byId.get(keyId) ?? null) : null;
  }
}

function toKey(pem: string): KeyObject {
  const key = createPublicKey(pem);
  if (key.asymmetricKeyType !== "ed25519") throw new TypeError(`Expected an Ed25519 public key, got ${key.asymmetricKeyType}`);
  return key;
}

export function verifyEd25519(key: KeyObject, data: Uint8Array, signature: Uint8Array): boolean {
  try {
    return verify(null, data, key, signature);
  } catch {
    return false;
  }
}

/** Strict base64 decoding: Node's decoder silently skips junk, which would hide tampering. */
export function decodeBase64(value: unknown): Uint8Array | null {
  if (typeof value !== "string" || !/^[A-Za-z0-9+/]*={0,2}$/.test(value) || value.length % 4 !== 0) return null;
  return new Uint8Array(Buffer.from(value, "base64"));
}
