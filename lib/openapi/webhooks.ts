// Webhook payloads, documented from the one registry the sender uses (lib/webhooks/event-types.ts):
// the documented body is the very zod schema of what a delivery carries, so it cannot drift.
import type { z } from "zod";
import { PING_EVENT_TYPE, payloadSchema, WEBHOOK_EVENT_TYPE_NAMES, WEBHOOK_EVENT_TYPES, ZPingPayload } from "../webhooks/event-types";

export type TWebhookSpec = { event: string; summary: string; payload: z.ZodType };

const webhooks: TWebhookSpec[] = [];

export function defineWebhook(spec: TWebhookSpec) {
  if (webhooks.some((w) => w.event === spec.event)) throw new Error(`Webhook declared twice: ${spec.event}`);
  webhooks.push(spec);
  return spec;
}

export function registeredWebhooks(): readonly TWebhookSpec[] {
  return webhooks;
}

for (const type of WEBHOOK_EVENT_TYPE_NAMES) {
  defineWebhook({ event: type, summary: WEBHOOK_EVENT_TYPES[type].description, payload: payloadSchema(type) });
}
defineWebhook({ event: PING_EVENT_TYPE, summary: "Test ping sent from the console or the API.", payload: ZPingPayload });
