// Events recorded outside a transaction in the same event-loop turn share one statement
// (insert-events.ts). These check that every event and delivery lands, and that one event the
// database refuses fails only its own caller.
import { describe, expect, it } from "vitest";
import { db } from "../db";
import { staffCtx } from "../test/factories";
import { createWebhookEndpoint } from "../webhooks/endpoints";
import { recordEvent } from "./record-event";

const ctx = { actor: { type: "SYSTEM" as const, label: "test" }, ip: "127.0.0.1" };

describe("events recorded in one turn", () => {
  it("land with their data and webhook deliveries, in one statement", async () => {
    const endpoint = await createWebhookEndpoint({ url: "https://hooks.example.test/events", events: ["license.suspended"] }, staffCtx);
    await Promise.all([
      recordEvent(db, ctx, { action: "license.suspended", licenseId: "lic-a", data: { reason: "unpaid" } }),
      recordEvent(db, ctx, { action: "test.no_webhook", licenseId: "lic-b" }),
      recordEvent(db, ctx, { action: "license.suspended", licenseId: "lic-c", organizationId: "org-c" }),
    ]);
    const events = await db.event.findMany({ where: { licenseId: { in: ["lic-a", "lic-b", "lic-c"] } }, orderBy: { licenseId: "asc" } });
    expect(events.map((e) => [e.action, e.licenseId, e.data, e.actorType, e.ip])).toEqual([
      ["license.suspended", "lic-a", { reason: "unpaid" }, "SYSTEM", "127.0.0.1"],
      ["test.no_webhook", "lic-b", null, "SYSTEM", "127.0.0.1"],
      ["license.suspended", "lic-c", null, "SYSTEM", "127.0.0.1"],
    ]);
    const deliveries = await db.webhookDelivery.findMany({ where: { endpointId: endpoint.id }, orderBy: { orderingKey: "asc" } });
    expect(deliveries.map((d) => d.orderingKey)).toEqual(["lic-a", "lic-c"]);
    expect(deliveries[0]!.payload).toMatchObject({ id: events[0]!.id, type: "license.suspended", data: { reason: "unpaid", licenseId: "lic-a" } });
    expect(deliveries[1]!.payload).toMatchObject({ id: events[2]!.id, data: { organizationId: "org-c" } });
  });

  it("an event the database refuses fails its own caller only", async () => {
    await db.$executeRawUnsafe(`ALTER TABLE "Event" ADD CONSTRAINT "test_block_event" CHECK ("action" <> 'test.blocked') NOT VALID`);
    try {
      const outcomes = await Promise.allSettled([
        recordEvent(db, ctx, { action: "test.kept", licenseId: "lic-k1" }),
        recordEvent(db, ctx, { action: "test.blocked", licenseId: "lic-x" }),
        recordEvent(db, ctx, { action: "test.kept", licenseId: "lic-k2" }),
      ]);
      expect(outcomes.map((o) => o.status)).toEqual(["fulfilled", "rejected", "fulfilled"]);
      expect(String((outcomes[1] as PromiseRejectedResult).reason)).toContain("test_block_event");
      expect((await db.event.findMany({ where: { action: { in: ["test.kept", "test.blocked"] } } })).map((e) => e.licenseId).sort()).toEqual(["lic-k1", "lic-k2"]);
    } finally {
      await db.$executeRawUnsafe(`ALTER TABLE "Event" DROP CONSTRAINT "test_block_event"`);
    }
  });
});
