import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";

/**
 * Private signing keys at rest: AES-256-GCM under a key derived (HKDF-SHA256, random salt per key)
 * from the server secret. Stored as `v1.<salt>.<iv>.<tag>.<ciphertext>` (base64url parts), so the
 * format can change later without guessing what an old row holds.
 */
const VERSION = "v1";
const INFO = "seatwise signing key v1";

function deriveKey(secret: string, salt: Buffer): Buffer {
  return Buffer.from(hkdfSync("sha256", Buffer.from(secret, "utf8"), salt, INFO, 32));
}

export function encryptPrivateKey(plain: Buffer, secret: string): string {
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", deriveKey(secret, salt), iv);
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  const tag = cipher.getAuthTag();
  return [VERSION, salt, iv, tag, ciphertext].map((part) => (typeof part === "string" ? part : part.toString("base64url"))).join(".");
}

export class SigningKeyDecryptError extends Error {
  constructor(message: string) {
    super(message);
    this.name = "SigningKeyDecryptError";
  }
}

export function decryptPrivateKey(stored: string, secret: string): Buffer {
  const [version, ...parts] = stored.split(".");
  if (version !== VERSION || parts.length !== 4) {
    throw new SigningKeyDecryptError(`Unknown signing key storage format "${version}"`);
  }
  const [salt, iv, tag, ciphertext] = parts.map((p) => Buffer.from(p, "base64url")) as [Buffer, Buffer, Buffer, Buffer];
  try {
    const decipher = createDecipheriv("aes-256-gcm", deriveKey(secret, salt), iv);
    decipher.setAuthTag(tag);
    return Buffer.concat([decipher.update(ciphertext), decipher.final()]);
  } catch {
    throw new SigningKeyDecryptError(
      "The license-signing key can't be decrypted: SEATWISE_SECRET (or the generated secret file in the data directory) is not the one it was encrypted with",
    );
  }
}
