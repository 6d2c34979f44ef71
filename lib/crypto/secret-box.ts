import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from "node:crypto";
import { serverSecret } from "../config/secret";

/**
 * Encrypts small secrets at rest (TOTP seeds) with AES-256-GCM under a key derived from SEATWISE_SECRET.
 * Each purpose gets its own derived key, so a value sealed for one purpose can't be opened as another.
 * Format: "v1.<iv>.<tag>.<ciphertext>" (base64url).
 */
function keyFor(purpose: string, secret: string): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "seatwise", `seatwise:${purpose}`, 32));
}

export function sealSecret(plaintext: string, purpose: string, secret = serverSecret()): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", keyFor(purpose, secret), iv);
  const data = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return ["v1", iv, cipher.getAuthTag(), data].map((p) => (typeof p === "string" ? p : p.toString("base64url"))).join(".");
}

/**
 * Returns null when the value was sealed under another secret or purpose, or was tampered with.
 * During a rotation of SEATWISE_SECRET, values sealed under the old one (SEATWISE_SECRET_PREVIOUS)
 * still open; `npm run secrets:reseal` then seals them under the new secret.
 */
export function openSecret(sealed: string, purpose: string, secret?: string): string | null {
  if (secret !== undefined) return openWith(sealed, purpose, secret);
  const current = openWith(sealed, purpose, serverSecret());
  const previous = process.env.SEATWISE_SECRET_PREVIOUS;
  return current ?? (previous ? openWith(sealed, purpose, previous) : null);
}

function openWith(sealed: string, purpose: string, secret: string): string | null {
  const [version, iv, tag, data] = sealed.split(".");
  if (version !== "v1" || !iv || !tag || data === undefined) return null;
  try {
    const decipher = createDecipheriv("aes-256-gcm", keyFor(purpose, secret), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(data, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}
