import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { updateLicense } from "../admin/update-license";
import { db } from "../db";
import { activateSeat } from "../licensing/activate-seat";
import { deactivateSeat } from "../licensing/deactivate-seat";
import { makeLicense, staffCtx } from "../test/factories";
import { startReceiver, type TReceiver } from "../test/webhook-receiver";
import { CLAIM_LEASE_MS, claimDueDeliveries, deliverWebhooks, MAX_ATTEMPTS, RETRY_DELAYS_SECONDS } from "./deliver-webhooks";
import { createWebhookEndpoint } from "./endpoints";
import { payloadSchema, type TWebhookEventType } from "./event-types";
import { verifyWebhookSignature } from "./signature";

let receiver: TReceiver;

beforeEach(async () => {
  await db.webhookEndpoint.deleteMany();
  receiver = await startReceiver();
});
afterEach(() => receiver.close());

async function endpoint(events: TWebhookEventType[] = []) {
  const created = await createWebhookEndpoint({ url: receiver.url, events }, staffCtx);
  receiver.secret = created.secret!;
  return created;
}

const after = (base: number, ms: number) => new Date(base + ms);

/** Runs worker passes until nothing more is due at `now`. */
async function drain(now?: Date) {
  let passes = 0;
  while ((await deliverWebhooks({ now })).claimed > 0) passes += 1;
  return passes;
}

describe("webhook delivery to a real receiver", () => {
  it("signs every delivery per Standard Webhooks, and each payload matches its documented schema", async () => {
    const ep = await endpoint();
    const { key, license } = await makeLicense({ policy: { seats: 1 } });
    await activateSeat({ key, fingerprint: "dev-1", friendlyName: "Laptop" }, staffCtx);
    await expect(activateSeat({ key, fingerprint: "dev-2" }, staffCtx)).rejects.toMatchObject({ code: "SEAT_LIMIT_REACHED" });
    await updateLicense(license.id, { status: "SUSPENDED" }, staffCtx);
    await updateLicense(license.id, { status: "ACTIVE" }, staffCtx);
    await updateLicense(license.id, { seats: 3 }, staffCtx);
    await deactivateSeat({ key, fingerprint: "dev-1" }, staffCtx);

    await drain();

    expect(receiver.received.map((r) => r.payload.type)).toEqual([
      "license.created",
      "activation.created",
      "activation.refused",
      "license.suspended",
      "license.reinstated",
      "license.updated",
      "activation.deactivated",
    ]);
    for (const request of receiver.received) {
      expect(request.verified).toBe(true);
      expect(request.signature).toMatch(/^v1,[A-Za-z0-9+/]+=*$/);
      expect(request.id).toBe(request.payload.id);
      expect(verifyWebhookSignature(ep.secret!, request.id, Number(request.timestamp), request.body, request.signature)).toBe(true);
      expect(verifyWebhookSignature(ep.secret!, request.id, Number(request.timestamp), request.body + " ", request.signature)).toBe(false);
      const parsed = payloadSchema(request.payload.type as TWebhookEventType).safeParse(request.payload);
      expect(parsed.error?.issues ?? []).toEqual([]);
      expect(request.payload.data.licenseId).toBe(license.id);
    }
    expect(receiver.received[2]!.payload.data).toMatchObject({ code: "SEAT_LIMIT_REACHED", fingerprint: "dev-2" });
    expect(await db.webhookDelivery.count({ where: { status: "SUCCEEDED", responseStatus: 200 } })).toBe(7);
  });

  it("fires license.goodwill_used once per period, when the license first goes into its goodwill seats", async () => {
    await endpoint(["license.goodwill_used"]);
    const { key, license } = await makeLicense({ policy: { seats: 1, goodwillSeats: 2 } });
    await activateSeat({ key, fingerprint: "dev-1" }, staffCtx);
    expect(await db.webhookDelivery.count()).toBe(0);
    expect((await activateSeat({ key, fingerprint: "dev-2" }, staffCtx)).overage).toBe(true);
    expect((await activateSeat({ key, fingerprint: "dev-3" }, staffCtx)).overage).toBe(true);

    const rows = await db.webhookDelivery.findMany();
    expect(rows.map((r) => r.eventType)).toEqual(["license.goodwill_used"]);
    await drain();
    expect(receiver.received).toHaveLength(1);
    const { payload } = receiver.received[0]!;
    expect(payloadSchema("license.goodwill_used").safeParse(payload).error?.issues ?? []).toEqual([]);
    const { currentPeriodId } = await db.license.findUniqueOrThrow({ where: { id: license.id } });
    expect(payload.data).toMatchObject({ licenseId: license.id, periodId: currentPeriodId, seatsInUse: 2, seatLimit: 1, goodwillSeats: 2 });
  });

  it("retries after a 500 on the documented backoff, keeping the webhook-id", async () => {
    const { key } = await makeLicense();
    await endpoint();
    receiver.answers = [500, 500];
    const t0 = Date.now();
    await activateSeat({ key, fingerprint: "dev" }, { ...staffCtx, now: new Date(t0) });

    expect(await deliverWebhooks({ now: after(t0, 0) })).toMatchObject({ claimed: 1, retrying: 1 });
    expect((await deliverWebhooks({ now: after(t0, RETRY_DELAYS_SECONDS[0] * 1000 - 1) })).claimed).toBe(0);
    expect(await deliverWebhooks({ now: after(t0, RETRY_DELAYS_SECONDS[0] * 1000) })).toMatchObject({ retrying: 1 });
    const second = after(t0, RETRY_DELAYS_SECONDS[0] * 1000);
    expect((await deliverWebhooks({ now: after(second.getTime(), RETRY_DELAYS_SECONDS[1] * 1000 - 1) })).claimed).toBe(0);
    expect(await deliverWebhooks({ now: after(second.getTime(), RETRY_DELAYS_SECONDS[1] * 1000) })).toMatchObject({ succeeded: 1 });

    expect(receiver.received).toHaveLength(3);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(1);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
    const row = await db.webhookDelivery.findFirstOrThrow();
    expect(row).toMatchObject({ status: "SUCCEEDED", attempts: 3, responseStatus: 200, lastError: null });
  });

  it("gives up after the last attempt (about a day of retries) and marks the delivery FAILED", async () => {
    const { key } = await makeLicense();
    await endpoint();
    receiver.fallback = 503;
    await activateSeat({ key, fingerprint: "dev" }, staffCtx);
    const first = Date.now();
    let now = new Date(first);
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      expect((await deliverWebhooks({ now })).claimed).toBe(1);
      now = (await db.webhookDelivery.findFirstOrThrow()).nextAttemptAt;
    }
    const row = await db.webhookDelivery.findFirstOrThrow();
    expect(row).toMatchObject({ status: "FAILED", attempts: MAX_ATTEMPTS, responseStatus: 503, lastError: "HTTP 503" });
    expect(receiver.received).toHaveLength(MAX_ATTEMPTS);
    const spanHours = (row.lastAttemptAt!.getTime() - first) / 3_600_000;
    expect(spanHours).toBeGreaterThan(24);
    expect(spanHours).toBeLessThan(30);
    expect((await deliverWebhooks({ now: after(now.getTime(), 86_400_000) })).claimed).toBe(0);
  });

  it("disables the endpoint when it answers 410 Gone", async () => {
    const { key } = await makeLicense();
    const ep = await endpoint();
    receiver.answers = [410];
    await activateSeat({ key, fingerprint: "a" }, staffCtx);
    expect(await deliverWebhooks()).toMatchObject({ disabled: 1 });
    const stored = await db.webhookEndpoint.findUniqueOrThrow({ where: { id: ep.id } });
    expect(stored.enabled).toBe(false);
    expect(stored.disabledReason).toContain("410");
    expect(await db.webhookDelivery.findFirstOrThrow()).toMatchObject({ status: "FAILED", responseStatus: 410 });

    await activateSeat({ key, fingerprint: "b" }, staffCtx);
    expect(await db.webhookDelivery.count()).toBe(1);
    expect(await drain()).toBe(0);
    expect(receiver.received).toHaveLength(1);
  });

  it("keeps each license's events in order: a failing delivery holds back that license only", async () => {
    const a = await makeLicense();
    const b = await makeLicense();
    await endpoint();
    const t0 = Date.now();
    const at = (ms: number) => ({ ...staffCtx, now: after(t0, ms) });
    await activateSeat({ key: a.key, fingerprint: "a1" }, at(0));
    await activateSeat({ key: b.key, fingerprint: "b1" }, at(1));
    await activateSeat({ key: a.key, fingerprint: "a2" }, at(2));
    await deactivateSeat({ key: a.key, fingerprint: "a1" }, at(3));
    const firstOfA = await db.event.findFirstOrThrow({ where: { licenseId: a.license.id, action: "activation.created" }, orderBy: { createdAt: "asc" } });
    let failedOnce = false;
    receiver.respond = (request) => {
      if (request.payload.id !== firstOfA.id || failedOnce) return undefined;
      failedOnce = true;
      return 500;
    };

    expect(await deliverWebhooks({ now: after(t0, 10) })).toMatchObject({ claimed: 2, retrying: 1, succeeded: 1 });
    expect(await drain(after(t0, 1000))).toBe(0);
    await drain(after(t0, 10 + RETRY_DELAYS_SECONDS[0] * 1000));

    const ofA = receiver.received.filter((r) => r.payload.data.licenseId === a.license.id);
    expect(ofA.map((r) => [r.payload.type, r.payload.data.fingerprint])).toEqual([
      ["activation.created", "a1"],
      ["activation.created", "a1"],
      ["activation.created", "a2"],
      ["activation.deactivated", "a1"],
    ]);
    expect(receiver.received.filter((r) => r.payload.data.licenseId === b.license.id)).toHaveLength(1);
    expect(await db.webhookDelivery.count({ where: { status: { not: "SUCCEEDED" } } })).toBe(0);
  });

  it("loses nothing when a worker dies after claiming: a fresh worker re-sends once the claim lapses", async () => {
    const { key } = await makeLicense();
    await endpoint();
    await activateSeat({ key, fingerprint: "dev" }, staffCtx);
    const t0 = Date.now();
    // The crashed worker: claimed (attempt counted) and never sent.
    expect(await claimDueDeliveries(new Date(t0))).toHaveLength(1);
    expect((await deliverWebhooks({ now: after(t0, CLAIM_LEASE_MS - 1000) })).claimed).toBe(0);
    expect(receiver.received).toHaveLength(0);

    expect(await deliverWebhooks({ now: after(t0, CLAIM_LEASE_MS) })).toMatchObject({ succeeded: 1 });
    expect(receiver.received).toHaveLength(1);
    expect(await db.webhookDelivery.findFirstOrThrow()).toMatchObject({ status: "SUCCEEDED", attempts: 2 });
  });

  it("re-sends (at least once) when the worker is killed while the receiver is handling the request", async () => {
    const { key } = await makeLicense();
    await endpoint();
    await activateSeat({ key, fingerprint: "dev" }, staffCtx);
    receiver.answers = ["hang"];
    const t0 = Date.now();
    const worker = new AbortController();
    const inFlight = deliverWebhooks({ now: new Date(t0), signal: worker.signal });
    while (receiver.received.length === 0) await new Promise((resolve) => setTimeout(resolve, 10));
    worker.abort();
    await expect(inFlight).rejects.toThrow();
    expect(await db.webhookDelivery.findFirstOrThrow()).toMatchObject({ status: "PENDING", attempts: 1 });

    expect(await deliverWebhooks({ now: after(t0, CLAIM_LEASE_MS) })).toMatchObject({ succeeded: 1 });
    expect(receiver.received).toHaveLength(2);
    expect(receiver.received[0]!.id).toBe(receiver.received[1]!.id);
    expect(receiver.received.every((r) => r.verified)).toBe(true);
  });

  it("lets several workers share the queue without sending a delivery twice", async () => {
    await endpoint();
    const licenses = await Promise.all([1, 2, 3, 4].map(() => makeLicense()));
    await Promise.all(licenses.map((l, i) => activateSeat({ key: l.key, fingerprint: `d${i}` }, staffCtx)));
    const total = await db.webhookDelivery.count();
    // Four license.created + four activation.created; two workers race pass after pass.
    while ((await Promise.all([deliverWebhooks({ limit: 3 }), deliverWebhooks({ limit: 3 })])).some((r) => r.claimed > 0));
    expect(receiver.received).toHaveLength(total);
    expect(new Set(receiver.received.map((r) => r.id)).size).toBe(total);
  });
});
