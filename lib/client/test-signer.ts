// Test support: produces license files and signed answers exactly as the offline-files work specifies,
// so the client can be tested without the server's signing code. Not exported from index.ts.
import { createHash, generateKeyPairSync, sign, type KeyObject } from "node:crypto";
import type { TLicenseFilePayload } from "./license-file";

export type TTestKey = { keyId: string; publicKey: string; privateKey: KeyObject };

export function makeTestKey(): TTestKey {
  const { publicKey, privateKey } = generateKeyPairSync("ed25519");
  const pem = publicKey.export({ type: "spki", format: "pem" }).toString();
  return { keyId: createHash("sha256").update(pem).digest("hex").slice(0, 16), publicKey: pem, privateKey };
}

export function samplePayload(overrides: Partial<TLicenseFilePayload> = {}): TLicenseFilePayload {
  const now = Date.now();
  return {
    version: 1,
    licenseId: "lic_1",
    product: { id: "prod_1", code: "editor", name: "Editor" },
    policy: { id: "pol_1", name: "Standard" },
    organization: { id: "org_1", name: "Acme" },
    fingerprint: "fp-1",
    model: "NODE_LOCKED",
    seats: 5,
    entitlements: [],
    issuedAt: new Date(now).toISOString(),
    expiresAt: new Date(now + 365 * 86_400_000).toISOString(),
    validUntil: new Date(now + 30 * 86_400_000).toISOString(),
    activationId: "act_1",
    ...overrides,
  };
}

export function signLicenseFile(payload: unknown, key: TTestKey, envelopeOverrides: Record<string, unknown> = {}): string {
  const payloadBytes = Buffer.from(JSON.stringify(payload));
  const envelope = {
    payload: payloadBytes.toString("base64"),
    signature: sign(null, payloadBytes, key.privateKey).toString("base64"),
    algorithm: "ed25519",
    keyId: key.keyId,
    ...envelopeOverrides,
  };
  const body = Buffer.from(JSON.stringify(envelope)).toString("base64").match(/.{1,64}/g)!.join("\n");
  return `-----BEGIN SEATWISE LICENSE FILE-----\n${body}\n-----END SEATWISE LICENSE FILE-----\n`;
}

export function signatureHeader(date: string, body: string | Uint8Array, key: TTestKey): string {
  const bytes = Buffer.concat([Buffer.from(`${date}\n`), Buffer.from(body)]);
  return `keyId="${key.keyId}", algorithm="ed25519", signature="${sign(null, bytes, key.privateKey).toString("base64")}"`;
}
