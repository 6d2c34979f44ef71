import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { activateSeat } from "@/lib/licensing/activate-seat";
import { makeAdminToken, makeLicense, staffCtx } from "@/lib/test/factories";
import { callRoute } from "@/lib/test/http";
import { startReceiver, type TReceiver } from "@/lib/test/webhook-receiver";
import * as one from "./[id]/route";
import * as deliveries from "./[id]/deliveries/route";
import * as resend from "./[id]/deliveries/[deliveryId]/resend/route";
import * as ping from "./[id]/ping/route";
import * as collection from "./route";

let receiver: TReceiver;
beforeEach(async () => {
  await db.webhookEndpoint.deleteMany();
  receiver = await startReceiver();
});
afterEach(() => receiver.close());

describe("admin webhooks API", () => {
  it("creates, lists, reads (secret on request), updates, pings, lists deliveries, resends and deletes", async () => {
    const { authorization } = await makeAdminToken();
    const headers = { authorization };
    const created = await callRoute(collection.POST, { headers, body: { url: receiver.url, events: ["activation.created"], description: "CRM" } });
    expect(created.status).toBe(201);
    const webhook = created.json.webhook;
    expect(webhook).toMatchObject({ url: receiver.url, events: ["activation.created"], allEvents: false, enabled: true, description: "CRM" });
    expect(webhook.secret).toMatch(/^whsec_/);
    receiver.secret = webhook.secret;
    const params = { id: webhook.id };

    const list = await callRoute(collection.GET, { headers });
    expect(list.json.webhooks).toHaveLength(1);
    expect(list.json.webhooks[0].secret).toBeUndefined();
    expect((await callRoute(one.GET, { headers, params })).json.webhook.secret).toBeUndefined();
    expect((await callRoute(one.GET, { headers, params, query: { includeSecret: "true" } })).json.webhook.secret).toBe(webhook.secret);

    const pinged = await callRoute(ping.POST, { headers, params, method: "POST" });
    expect(pinged.status).toBe(201);
    expect(pinged.json.delivery).toMatchObject({ eventType: "webhook.ping", status: "SUCCEEDED", responseStatus: 200, attempts: 1 });
    expect(receiver.received[0]).toMatchObject({ verified: true, payload: { type: "webhook.ping" } });

    const { key } = await makeLicense();
    await activateSeat({ key, fingerprint: "dev" }, staffCtx);
    const listed = await callRoute(deliveries.GET, { headers, params });
    expect(listed.json.total).toBe(2);
    const activation = listed.json.deliveries.find((d: { eventType: string }) => d.eventType === "activation.created");
    expect(activation.status).toBe("PENDING");

    const resent = await callRoute(resend.POST, { headers, params: { ...params, deliveryId: activation.id }, method: "POST" });
    expect(resent.status).toBe(201);
    expect(resent.json.delivery).toMatchObject({ status: "SUCCEEDED", eventId: activation.eventId });
    expect(receiver.received.at(-1)).toMatchObject({ id: activation.eventId, verified: true });

    const rotated = await callRoute(one.PATCH, { headers, params, method: "PATCH", body: { rotateSecret: true, enabled: false } });
    expect(rotated.json.webhook.secret).toMatch(/^whsec_/);
    expect(rotated.json.webhook.secret).not.toBe(webhook.secret);
    expect(rotated.json.webhook).toMatchObject({ enabled: false, disabledReason: "Disabled by staff" });
    const refused = await callRoute(ping.POST, { headers, params, method: "POST" });
    expect(refused).toMatchObject({ status: 409, json: { error: { code: "CONFLICT" } } });

    expect((await callRoute(one.DELETE, { headers, params, method: "DELETE" })).json).toEqual({ deleted: true });
    expect((await callRoute(one.GET, { headers, params })).json.error.code).toBe("NOT_FOUND");
  });

  it("validates input and keeps read-only tokens away from changes and secrets", async () => {
    const { authorization } = await makeAdminToken();
    const bad = await callRoute(collection.POST, { headers: { authorization }, body: { url: "ftp://x", events: ["nope"] } });
    expect(bad.status).toBe(400);
    expect(bad.json.error.code).toBe("INVALID_REQUEST");
    const readOnly = await makeAdminToken("READ_ONLY");
    const denied = await callRoute(collection.POST, { headers: { authorization: readOnly.authorization }, body: { url: receiver.url } });
    expect(denied.status).toBe(403);
    const created = await callRoute(collection.POST, { headers: { authorization }, body: { url: receiver.url } });
    const secret = await callRoute(one.GET, { headers: { authorization: readOnly.authorization }, params: { id: created.json.webhook.id }, query: { includeSecret: "true" } });
    expect(secret.status).toBe(403);
    expect((await callRoute(collection.GET, {})).status).toBe(401);
  });
});
