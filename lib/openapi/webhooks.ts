// Webhook payloads. Placeholder: the notifications/webhooks work registers each event type here
// (defineWebhook({ event: "license.created", data: ZLicenseCreated })) and the document lists it.
import { z } from "zod";

export type TWebhookSpec = { event: string; summary: string; data: z.ZodType };

const webhooks: TWebhookSpec[] = [];

export function defineWebhook(spec: TWebhookSpec) {
  webhooks.push(spec);
  return spec;
}

export function registeredWebhooks(): readonly TWebhookSpec[] {
  return webhooks;
}

/** The envelope every delivery shares; `data` depends on `type`. */
export const webhookEnvelope = (type: string, data: z.ZodType) =>
  z.object({
    id: z.string().meta({ description: "Delivery id; the same on retries, so receivers can deduplicate." }),
    type: z.literal(type),
    createdAt: z.string().meta({ format: "date-time" }),
    data,
  });
