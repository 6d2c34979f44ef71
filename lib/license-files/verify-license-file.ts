import { createPublicKey, KeyObject, verify } from "node:crypto";
import { keyIdOf } from "../signing/key-id";
import { LICENSE_FILE_BEGIN, LICENSE_FILE_END, type TLicenseFileEnvelope, type TLicenseFilePayload } from "./license-file-format";

/**
 * Offline verification with the public key only (no network, no database): pure node:crypto, so the
 * same code runs in tests and documents exactly what a client app has to check.
 */
export type TLicenseFileProblem =
  | "MALFORMED"
  | "UNSUPPORTED_ALGORITHM"
  | "UNKNOWN_KEY"
  | "BAD_SIGNATURE"
  | "FILE_EXPIRED"
  | "LICENSE_EXPIRED"
  | "FINGERPRINT_MISMATCH"
  | "PRODUCT_MISMATCH";

export type TVerifyResult =
  | { valid: true; payload: TLicenseFilePayload; keyId: string }
  | { valid: false; code: TLicenseFileProblem; message: string; payload?: TLicenseFilePayload };

type TPublicKeys = string | KeyObject | Array<{ keyId?: string; publicKey: string }> | Record<string, string>;

export type TVerifyOptions = {
  /** One public key (PEM or KeyObject), the `keys` list of GET /api/v1/public-key, or a keyId → PEM map. */
  publicKeys: TPublicKeys;
  now?: Date;
  /** When set, the file must be for this machine code. */
  fingerprint?: string;
  /** When set, the file must be for this product (code or id). */
  product?: string;
};

function fail(code: TLicenseFileProblem, message: string, payload?: TLicenseFilePayload): TVerifyResult {
  return { valid: false, code, message, ...(payload ? { payload } : {}) };
}

/** keyId → public key, each keyId recomputed from the key itself so a wrong pairing can't slip through. */
function keyTable(keys: TPublicKeys): Map<string, KeyObject> {
  const table = new Map<string, KeyObject>();
  const add = (pem: string | KeyObject) => {
    const key = typeof pem === "string" ? createPublicKey(pem) : pem;
    table.set(keyIdOf(key), key);
  };
  if (typeof keys === "string" || keys instanceof KeyObject) add(keys);
  else if (Array.isArray(keys)) keys.forEach((k) => add(k.publicKey));
  else Object.values(keys).forEach(add);
  return table;
}

export function decodeLicenseFile(text: string | Uint8Array): TLicenseFileEnvelope | null {
  const source = (typeof text === "string" ? text : Buffer.from(text).toString("utf8")).trim();
  const begin = source.indexOf(LICENSE_FILE_BEGIN);
  const end = source.indexOf(LICENSE_FILE_END);
  if (begin !== 0 || end < 0 || end + LICENSE_FILE_END.length !== source.length) return null;
  const body = source.slice(LICENSE_FILE_BEGIN.length, end).replace(/\s+/g, "");
  if (!/^[A-Za-z0-9+/]+={0,2}$/.test(body)) return null;
  try {
    const envelope = JSON.parse(Buffer.from(body, "base64").toString("utf8")) as Partial<TLicenseFileEnvelope>;
    const fields = ["payload", "signature", "algorithm", "keyId"] as const;
    if (!envelope || typeof envelope !== "object" || fields.some((f) => typeof envelope[f] !== "string")) return null;
    return envelope as TLicenseFileEnvelope;
  } catch {
    return null;
  }
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function verifyLicenseFile(text: string | Uint8Array, options: TVerifyOptions): TVerifyResult {
  const envelope = decodeLicenseFile(text);
  if (!envelope) return fail("MALFORMED", "This is not a Seatwise license file");
  if (envelope.algorithm !== "ed25519") return fail("UNSUPPORTED_ALGORITHM", `Unsupported signature algorithm "${envelope.algorithm}"`);
  const publicKey = keyTable(options.publicKeys).get(envelope.keyId);
  if (!publicKey) return fail("UNKNOWN_KEY", `The file is signed with key ${envelope.keyId}, which is not a known Seatwise public key`);
  if (!BASE64.test(envelope.payload) || !BASE64.test(envelope.signature)) return fail("MALFORMED", "The file's payload or signature is not base64");
  const payloadBytes = Buffer.from(envelope.payload, "base64");
  const signature = Buffer.from(envelope.signature, "base64");
  // Node's base64 decoder skips junk silently: re-encoding must give back exactly what was signed.
  if (payloadBytes.toString("base64") !== envelope.payload || signature.toString("base64") !== envelope.signature) {
    return fail("MALFORMED", "The file's payload or signature is not canonical base64");
  }
  let ok = false;
  try {
    ok = verify(null, payloadBytes, publicKey, signature);
  } catch {
    ok = false;
  }
  if (!ok) return fail("BAD_SIGNATURE", "The license file's signature is not valid: it was altered or not issued by this server");

  let payload: TLicenseFilePayload;
  try {
    payload = JSON.parse(payloadBytes.toString("utf8")) as TLicenseFilePayload;
  } catch {
    return fail("MALFORMED", "The signed payload is not JSON");
  }
  const now = (options.now ?? new Date()).getTime();
  const validUntil = Date.parse(payload.validUntil);
  if (!Number.isFinite(validUntil) || validUntil <= now) {
    return fail("FILE_EXPIRED", `The license file was valid until ${payload.validUntil}; get a new one`, payload);
  }
  if (payload.expiresAt !== null && !(Date.parse(payload.expiresAt) > now)) {
    return fail("LICENSE_EXPIRED", `The license expired on ${payload.expiresAt}`, payload);
  }
  if (options.fingerprint !== undefined && payload.fingerprint !== options.fingerprint) {
    return fail("FINGERPRINT_MISMATCH", "The license file was issued for another machine", payload);
  }
  if (options.product !== undefined && payload.product.code !== options.product && payload.product.id !== options.product) {
    return fail("PRODUCT_MISMATCH", `The license file is for product ${payload.product.code}`, payload);
  }
  return { valid: true, payload, keyId: envelope.keyId };
}
