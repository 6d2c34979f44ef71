import { createHmac } from "node:crypto";
import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret, signWebhook, verifyWebhookSignature, webhookHeaders } from "./signature";
import { webhookTypeForAction, WEBHOOK_EVENT_TYPE_NAMES, WEBHOOK_EVENT_TYPES } from "./event-types";

describe("Standard Webhooks signatures", () => {
  const body = JSON.stringify({ id: "evt_1", type: "activation.created", timestamp: "2026-11-22T10:00:00.000Z", data: { a: 1 } });

  it("generates whsec_ secrets of 24 random bytes", () => {
    const secret = generateWebhookSecret();
    expect(secret).toMatch(/^whsec_[A-Za-z0-9+/]{32}$/);
    expect(Buffer.from(secret.slice(6), "base64")).toHaveLength(24);
    expect(generateWebhookSecret()).not.toBe(secret);
  });

  it("produces exactly the signature the standardwebhooks library produces, and the library verifies ours", () => {
    const secret = generateWebhookSecret();
    const now = Math.floor(Date.now() / 1000);
    const library = new Webhook(secret);
    expect(signWebhook(secret, "msg_1", now, body)).toBe(library.sign("msg_1", new Date(now * 1000), body));
    const headers = webhookHeaders(secret, "msg_1", now, body);
    expect(() => library.verify(body, headers)).not.toThrow();
    expect(() => library.verify(body.replace("1", "2"), headers)).toThrow();
    expect(() => new Webhook(generateWebhookSecret()).verify(body, headers)).toThrow();
  });

  it("verifies with a few lines of plain node:crypto (the README snippet)", () => {
    const secret = generateWebhookSecret();
    const headers = webhookHeaders(secret, "msg_2", 1_800_000_000, body);
    const key = Buffer.from(secret.slice("whsec_".length), "base64");
    const expected = createHmac("sha256", key).update(`${headers["webhook-id"]}.${headers["webhook-timestamp"]}.${body}`).digest("base64");
    expect(headers["webhook-signature"]).toBe(`v1,${expected}`);
    expect(verifyWebhookSignature(secret, "msg_2", 1_800_000_000, body, `v1,bogus ${headers["webhook-signature"]}`)).toBe(true);
    expect(verifyWebhookSignature(secret, "msg_2", 1_800_000_001, body, headers["webhook-signature"])).toBe(false);
  });
});

describe("event type registry", () => {
  it("maps audit actions to webhook types and never heartbeats or sign-ins", () => {
    expect(webhookTypeForAction("activation.created")).toBe("activation.created");
    expect(webhookTypeForAction("org_user.created")).toBe("user.created");
    expect(webhookTypeForAction("org_user.removed")).toBe("user.removed");
    for (const action of ["activation.heartbeat", "heartbeat", "staff.signed_in", "product.created", "webhook_endpoint.created"]) {
      expect(webhookTypeForAction(action)).toBeNull();
    }
  });

  it("covers every type the issue requires, each with a description and a schema", () => {
    expect(WEBHOOK_EVENT_TYPE_NAMES).toEqual(
      expect.arrayContaining([
        "license.created", "license.updated", "license.renewed", "license.suspended", "license.reinstated",
        "license.expiring_soon", "license.expired", "license.seat_alert", "license.goodwill_used",
        "activation.created", "activation.deactivated", "activation.refused", "lease.expired", "user.created", "user.removed",
      ]),
    );
    for (const type of WEBHOOK_EVENT_TYPE_NAMES) expect(WEBHOOK_EVENT_TYPES[type].description.length).toBeGreaterThan(10);
  });
});

describe("payload JSON Schemas", () => {
  it("documents every type with its envelope and data fields", async () => {
    const { webhookPayloadJsonSchemas } = await import("./event-types");
    const schemas = webhookPayloadJsonSchemas() as Record<string, { properties: Record<string, any>; description: string }>;
    expect(Object.keys(schemas)).toHaveLength(WEBHOOK_EVENT_TYPE_NAMES.length + 1);
    const created = schemas["activation.created"]!;
    expect(created.properties.type).toMatchObject({ const: "activation.created" });
    expect(Object.keys(created.properties.data.properties)).toEqual(expect.arrayContaining(["licenseId", "activationId", "actor", "fingerprint"]));
  });
});
