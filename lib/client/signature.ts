import { SignatureError } from "./errors";
import { decodeBase64, KeyRing, verifyEd25519, type TTrustedKeys } from "./keys";

export type TSignedResponse = {
  /** Value of the Seatwise-Signature header (null when absent). */
  signature: string | null;
  /** Value of the Date header: it is part of the signed bytes. */
  date: string | null;
  /** The exact body bytes as received (a string is taken as UTF-8). */
  body: Uint8Array | string;
};

export type TVerifyResponseOptions = {
  keys: TTrustedKeys | KeyRing;
  /** Reject answers whose Date is further than this from `now` (default 15 minutes; null: don't check). */
  maxAgeMs?: number | null;
  now?: Date;
};

/** Parses `keyId="…", algorithm="ed25519", signature="…"`. */
export function parseSignatureHeader(header: string): { keyId: string; algorithm: string; signature: string } | null {
  const fields: Record<string, string> = {};
  for (const match of header.matchAll(/([A-Za-z]+)\s*=\s*"([^"]*)"/g)) fields[match[1]!] = match[2]!;
  if (!fields.keyId || !fields.algorithm || !fields.signature) return null;
  return { keyId: fields.keyId, algorithm: fields.algorithm, signature: fields.signature };
}

/**
 * Verifies a signed Seatwise answer: Ed25519 over `<Date header>` + "\n" + body bytes.
 * Returns the Date the server signed, which is trustworthy time for the clock guard.
 */
export function verifyResponseSignature(response: TSignedResponse, options: TVerifyResponseOptions): { keyId: string; signedAt: Date } {
  if (!response.signature) throw new SignatureError("MISSING", "The answer carries no Seatwise-Signature header");
  if (!response.date) throw new SignatureError("MISSING", "The answer carries no Date header, which the signature covers");
  const parsed = parseSignatureHeader(response.signature);
  if (!parsed) throw new SignatureError("MALFORMED", "The Seatwise-Signature header is malformed");
  if (parsed.algorithm !== "ed25519") throw new SignatureError("MALFORMED", `Unsupported signature algorithm ${parsed.algorithm}`);
  const ring = options.keys instanceof KeyRing ? options.keys : new KeyRing(options.keys);
  const key = ring.find(parsed.keyId);
  if (!key) throw new SignatureError("UNKNOWN_KEY", `The answer is signed with unknown key ${parsed.keyId}`);
  const signature = decodeBase64(parsed.signature);
  const body = typeof response.body === "string" ? new TextEncoder().encode(response.body) : response.body;
  const prefix = new TextEncoder().encode(`${response.date}\n`);
  const signed = new Uint8Array(prefix.length + body.length);
  signed.set(prefix, 0);
  signed.set(body, prefix.length);
  if (!signature || !verifyEd25519(key, signed, signature)) throw new SignatureError("INVALID", "The answer's signature does not verify");
  const signedAt = new Date(response.date);
  if (Number.isNaN(signedAt.getTime())) throw new SignatureError("MALFORMED", "The Date header is not a date");
  const maxAge = options.maxAgeMs === undefined ? 15 * 60_000 : options.maxAgeMs;
  if (maxAge !== null && Math.abs((options.now ?? new Date()).getTime() - signedAt.getTime()) > maxAge) {
    throw new SignatureError("STALE", `The signed answer is dated ${response.date}, too far from this machine's clock (replayed answer or wrong clock)`);
  }
  return { keyId: parsed.keyId, signedAt };
}
