import { createHmac, randomBytes, timingSafeEqual } from "node:crypto";

/** Standard Webhooks secrets: "whsec_" + base64 of 24 random bytes (the key is the decoded bytes). */
export function generateWebhookSecret(): string {
  return `whsec_${randomBytes(24).toString("base64")}`;
}

function secretKey(secret: string): Buffer {
  return Buffer.from(secret.startsWith("whsec_") ? secret.slice(6) : secret, "base64");
}

/** "v1,<base64 HMAC-SHA256 of '<id>.<timestamp>.<body>'>" per https://www.standardwebhooks.com */
export function signWebhook(secret: string, id: string, timestampSeconds: number, body: string): string {
  const mac = createHmac("sha256", secretKey(secret)).update(`${id}.${timestampSeconds}.${body}`).digest("base64");
  return `v1,${mac}`;
}

export type TWebhookHeaders = {
  "content-type": string;
  "user-agent": string;
  "webhook-id": string;
  "webhook-timestamp": string;
  "webhook-signature": string;
};

export function webhookHeaders(secret: string, id: string, timestampSeconds: number, body: string): TWebhookHeaders {
  return {
    "content-type": "application/json",
    "user-agent": "Seatwise-Webhooks/1",
    "webhook-id": id,
    "webhook-timestamp": String(timestampSeconds),
    "webhook-signature": signWebhook(secret, id, timestampSeconds, body),
  };
}

/** Verifies a signature header (space-separated list of "v1,<sig>") against a secret; used by tests and docs. */
export function verifyWebhookSignature(secret: string, id: string, timestampSeconds: number, body: string, header: string): boolean {
  const expected = Buffer.from(signWebhook(secret, id, timestampSeconds, body).slice(3), "base64");
  return header.split(" ").some((part) => {
    const [version, sig] = part.split(",");
    if (version !== "v1" || !sig) return false;
    const given = Buffer.from(sig, "base64");
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
}
