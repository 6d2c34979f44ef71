import { LicenseFileError } from "./errors";
import type { ClockGuard } from "./clock";
import { decodeBase64, KeyRing, verifyEd25519, type TTrustedKeys } from "./keys";

const BEGIN = "-----BEGIN SEATWISE LICENSE FILE-----";
const END = "-----END SEATWISE LICENSE FILE-----";

/** The signed content of a license file (format version 1). */
export type TLicenseFilePayload = {
  version: number;
  licenseId: string;
  product: { id: string; code: string; name?: string };
  policy: { id: string; name?: string };
  organization: { id: string; name: string } | null;
  fingerprint: string;
  model: "NODE_LOCKED" | "FLOATING" | (string & {});
  seats: number;
  entitlements: string[];
  issuedAt: string;
  expiresAt: string | null;
  validUntil: string;
  activationId?: string;
  [extra: string]: unknown;
};

export type TVerifyLicenseFileOptions = {
  /** The vendor's public key(s); embed them in the app. */
  keys: TTrustedKeys | KeyRing;
  /** Product code or id this app is. Required: pass null only to deliberately accept any product. */
  product: string | null;
  /** This machine's fingerprint. Required: pass null only to deliberately accept any machine. */
  fingerprint: string | null;
  /** Check expiresAt and validUntil against the clock (default true). */
  checkExpiry?: boolean;
  now?: Date;
  /** When given, a clock set back is detected, and the last-seen time moves forward on success. */
  clock?: ClockGuard;
};

export type TVerifiedLicenseFile = { payload: TLicenseFilePayload; keyId: string };

/** Splits the armor and the envelope; no cryptography yet. */
export function parseLicenseFile(input: string | Uint8Array): { payloadBytes: Uint8Array; signature: Uint8Array; algorithm: string; keyId: string } {
  const text = typeof input === "string" ? input : new TextDecoder().decode(input);
  const begin = text.indexOf(BEGIN);
  const end = text.indexOf(END);
  if (begin < 0 || end < begin) throw new LicenseFileError("MALFORMED", "Not a Seatwise license file (armor lines missing)");
  const body = text.slice(begin + BEGIN.length, end).replace(/\s+/g, "");
  const envelopeBytes = decodeBase64(body);
  if (!envelopeBytes) throw new LicenseFileError("MALFORMED", "The license file's content is not valid base64");
  let envelope: Record<string, unknown>;
  try {
    envelope = JSON.parse(new TextDecoder().decode(envelopeBytes));
  } catch {
    throw new LicenseFileError("MALFORMED", "The license file's content is not valid JSON");
  }
  const payloadBytes = decodeBase64(envelope?.payload);
  const signature = decodeBase64(envelope?.signature);
  if (!payloadBytes || !signature || typeof envelope.algorithm !== "string" || typeof envelope.keyId !== "string") {
    throw new LicenseFileError("MALFORMED", "The license file lacks payload, signature, algorithm or keyId");
  }
  return { payloadBytes, signature, algorithm: envelope.algorithm, keyId: envelope.keyId };
}

/**
 * Verifies a license file offline. Secure by default: signature, product, fingerprint,
 * the license's expiresAt and the file's validUntil are all checked unless the caller opts out.
 */
export async function verifyLicenseFile(input: string | Uint8Array, options: TVerifyLicenseFileOptions): Promise<TVerifiedLicenseFile> {
  const { payloadBytes, signature, algorithm, keyId } = parseLicenseFile(input);
  if (algorithm !== "ed25519") throw new LicenseFileError("UNSUPPORTED_ALGORITHM", `Unsupported algorithm ${algorithm}`);
  const ring = options.keys instanceof KeyRing ? options.keys : new KeyRing(options.keys);
  const key = ring.find(keyId);
  if (!key) throw new LicenseFileError("UNKNOWN_KEY", `The file is signed with key ${keyId}, which this app does not trust`);
  if (!verifyEd25519(key, payloadBytes, signature)) throw new LicenseFileError("BAD_SIGNATURE", "The license file's signature does not verify");

  let payload: TLicenseFilePayload;
  try {
    payload = JSON.parse(new TextDecoder().decode(payloadBytes));
  } catch {
    throw new LicenseFileError("MALFORMED", "The signed payload is not valid JSON");
  }
  if (!payload || typeof payload !== "object" || typeof payload.licenseId !== "string" || typeof payload.validUntil !== "string") {
    throw new LicenseFileError("MALFORMED", "The signed payload lacks licenseId or validUntil");
  }

  if (options.product !== null && payload.product?.code !== options.product && payload.product?.id !== options.product) {
    throw new LicenseFileError("PRODUCT_MISMATCH", `The file is for product ${payload.product?.code ?? "?"}, not ${options.product}`);
  }
  if (options.fingerprint !== null && payload.fingerprint !== options.fingerprint) {
    throw new LicenseFileError("FINGERPRINT_MISMATCH", "The file was issued for another machine");
  }

  // The clock check runs before the expiry checks: setting the clock back must not make an expired file pass.
  const now = options.clock ? await options.clock.check(options.now) : (options.now ?? new Date());
  if (options.clock && payload.issuedAt) await options.clock.observe(new Date(payload.issuedAt), now);
  if (options.checkExpiry !== false) {
    if (payload.expiresAt && Date.parse(payload.expiresAt) <= now.getTime()) {
      throw new LicenseFileError("LICENSE_EXPIRED", `The license expired at ${payload.expiresAt}`);
    }
    if (Date.parse(payload.validUntil) <= now.getTime()) {
      throw new LicenseFileError("FILE_EXPIRED", `The license file was valid until ${payload.validUntil}; connect once to refresh it`);
    }
  }
  return { payload, keyId };
}
