import { sign, type KeyObject } from "node:crypto";

/**
 * The .lic format, plain text so it survives email and USB sticks:
 *
 *   -----BEGIN SEATWISE LICENSE FILE-----
 *   base64(JSON {"payload": base64(payload JSON bytes), "signature": base64(Ed25519 over exactly those
 *   payload bytes), "algorithm": "ed25519", "keyId": "<keyId>"}), wrapped at 64 characters
 *   -----END SEATWISE LICENSE FILE-----
 */
export const LICENSE_FILE_BEGIN = "-----BEGIN SEATWISE LICENSE FILE-----";
export const LICENSE_FILE_END = "-----END SEATWISE LICENSE FILE-----";

export type TLicenseFilePayload = {
  version: 1;
  licenseId: string;
  product: { id: string; code: string; name: string };
  policy: { id: string; name: string };
  organization: { id: string; name: string } | null;
  fingerprint: string;
  model: string;
  seats: number;
  entitlements: string[];
  issuedAt: string;
  expiresAt: string | null;
  validUntil: string;
  activationId: string;
};

export type TLicenseFileEnvelope = { payload: string; signature: string; algorithm: string; keyId: string };

export function encodeLicenseFile(payload: TLicenseFilePayload, signer: { keyId: string; privateKey: KeyObject }): string {
  const payloadBytes = Buffer.from(JSON.stringify(payload), "utf8");
  const envelope: TLicenseFileEnvelope = {
    payload: payloadBytes.toString("base64"),
    signature: sign(null, payloadBytes, signer.privateKey).toString("base64"),
    algorithm: "ed25519",
    keyId: signer.keyId,
  };
  const body = Buffer.from(JSON.stringify(envelope), "utf8").toString("base64");
  const lines = body.match(/.{1,64}/g) ?? [];
  return `${LICENSE_FILE_BEGIN}\n${lines.join("\n")}\n${LICENSE_FILE_END}\n`;
}
