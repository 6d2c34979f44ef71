import { z } from "zod";
import { ZWebhookEventType } from "./event-types";

const ZUrl = z
  .string()
  .trim()
  .min(1, "Enter the URL that receives the webhooks")
  .max(2000, "URL is too long")
  .refine((value) => {
    try {
      const url = new URL(value);
      return url.protocol === "https:" || url.protocol === "http:";
    } catch {
      return false;
    }
  }, "Enter a full http:// or https:// URL, e.g. https://example.com/webhooks/seatwise");

/** An empty list means "every event type", including types added in later releases. */
const ZEvents = z.array(ZWebhookEventType).max(50).transform((types) => [...new Set(types)]);

export const ZCreateWebhookEndpoint = z.object({
  url: ZUrl,
  description: z.string().trim().max(200).nullish(),
  events: ZEvents.default([]),
  enabled: z.boolean().default(true),
});
export type TCreateWebhookEndpoint = z.input<typeof ZCreateWebhookEndpoint>;

export const ZUpdateWebhookEndpoint = z
  .object({
    url: ZUrl,
    description: z.string().trim().max(200).nullable(),
    events: ZEvents,
    enabled: z.boolean(),
    rotateSecret: z.literal(true),
  })
  .partial()
  .strict();
export type TUpdateWebhookEndpoint = z.input<typeof ZUpdateWebhookEndpoint>;

export const ZListDeliveries = z.object({
  status: z.enum(["PENDING", "SUCCEEDED", "FAILED"]).optional(),
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(100).default(25),
});
export type TListDeliveries = z.input<typeof ZListDeliveries>;

/** GET …/webhooks/:id?includeSecret=true also answers the signing secret (ADMIN tokens only). */
export const ZGetWebhookQuery = z.object({ includeSecret: z.enum(["true", "false"]).optional() });
