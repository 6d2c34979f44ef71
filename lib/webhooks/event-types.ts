import { z } from "zod";

/**
 * The one registry of webhook event types: what each payload looks like (zod, so an OpenAPI generator
 * can document it), and which audit actions (Event.action) produce it. Plain data, no db access, so it
 * can be imported by docs tooling and client components alike.
 */

const ZActor = z.object({
  type: z.enum(["STAFF", "API_TOKEN", "LICENSE_KEY", "USER", "SYSTEM", "ANONYMOUS"]).describe("Who caused the event"),
  id: z.string().nullable(),
  label: z.string().nullable().describe("Email, token name or device, when known"),
});

/** Fields every payload's `data` carries (null when the event has no such subject). */
const ZCommon = z.object({
  licenseId: z.string().nullable(),
  organizationId: z.string().nullable(),
  activationId: z.string().nullable(),
  actor: ZActor,
});

const ZChange = z.object({ from: z.unknown(), to: z.unknown() });
const ZDevice = { fingerprint: z.string(), friendlyName: z.string().nullable().optional() };

// Loose objects: a later release may add fields, and receivers must ignore what they don't know.
const data = <T extends z.ZodRawShape>(shape: T) => ZCommon.extend(shape).loose();

export const WEBHOOK_EVENT_TYPES = {
  "license.created": {
    description: "A license was issued.",
    actions: ["license.created"],
    data: data({ policyId: z.string(), seats: z.number().int() }),
  },
  "license.updated": {
    description: "License fields changed (seats, expiry, name, notes, thresholds…); status changes have their own types.",
    actions: ["license.updated"],
    data: data({ changes: z.record(z.string(), ZChange) }),
  },
  "license.renewed": {
    description: "The license was renewed: a new billing period started and the expiry moved.",
    actions: ["license.renewed"],
    data: data({
      periodId: z.string(),
      previousPeriodId: z.string().nullable(),
      previousSeatsConsumed: z.number().int().nullable(),
      expiresAt: ZChange,
    }),
  },
  "license.suspended": {
    description: "The license was suspended: activations and validations are refused.",
    actions: ["license.suspended"],
    data: data({ changes: z.record(z.string(), ZChange) }),
  },
  "license.reinstated": {
    description: "A suspended license became active again.",
    actions: ["license.reinstated"],
    data: data({ changes: z.record(z.string(), ZChange) }),
  },
  "license.expiring_soon": {
    description: "The license expires within a notice threshold (by default 30 and 7 days). Sent once per threshold.",
    actions: ["license.expiring_soon"],
    data: data({ expiresAt: z.iso.datetime(), daysLeft: z.number().int(), thresholdDays: z.number().int() }),
  },
  "license.expired": {
    description: "The license passed its expiry date. Sent once per expiry date.",
    actions: ["license.expired"],
    data: data({ expiresAt: z.iso.datetime() }),
  },
  "license.seat_alert": {
    description: "Seats consumed in the billing period reached the license's seat alert threshold (once per period).",
    actions: ["license.seat_alert"],
    data: data({ periodId: z.string(), seatsConsumed: z.number().int(), threshold: z.number().int(), seatLimit: z.number().int() }),
  },
  "license.goodwill_used": {
    description: "A device took the license's first goodwill seat of the billing period: it is over its seat limit within the tolerated margin. Once per license per billing period (every overage activation is in the audit log as activation.overage).",
    // The once-per-period notice (lib/rules/notify-goodwill.ts), not every overage activation: receivers
    // get the same signal as the vendor's goodwill email, without a burst when many devices go over.
    actions: ["license.goodwill_notice"],
    data: data({
      periodId: z.string(),
      seatsInUse: z.number().int(),
      seatLimit: z.number().int(),
      goodwillSeats: z.number().int(),
    }),
  },
  "license.lease_denials": {
    description: "Refused floating checkouts (SEAT_LIMIT_REACHED) of a license reached the daily threshold (Settings → Emails). Once per license per UTC day.",
    actions: ["license.lease_denials"],
    data: data({
      day: z.iso.date().describe("The UTC day counted, YYYY-MM-DD"),
      denials: z.number().int().describe("Refused checkouts that day when the threshold was reached"),
      threshold: z.number().int(),
      seatLimit: z.number().int(),
    }),
  },
  "activation.created": {
    description: "A device took a seat.",
    actions: ["activation.created"],
    data: data(ZDevice),
  },
  "activation.deactivated": {
    description: "A seat was released by the device, staff, the customer's admin, or because its user was removed.",
    actions: ["activation.deactivated"],
    data: data({ ...ZDevice, reason: z.string().optional() }),
  },
  "activation.refused": {
    description: "An activation was refused (seat limit reached, license suspended or expired, …).",
    actions: ["activation.refused"],
    data: data({ code: z.string().describe("API error code, e.g. SEAT_LIMIT_REACHED"), fingerprint: z.string() }),
  },
  "lease.expired": {
    description: "A floating lease ran out without a heartbeat and its seat was reclaimed.",
    actions: ["lease.expired"],
    data: data({}),
  },
  "user.created": {
    description: "A user was added to a customer organization (directly or by invitation).",
    actions: ["user.created", "org_user.created"],
    data: data({ userId: z.string(), email: z.email(), role: z.string().optional(), invited: z.boolean().optional() }),
  },
  "user.removed": {
    description: "A user was removed from a customer organization.",
    actions: ["user.removed", "org_user.removed"],
    data: data({ userId: z.string(), email: z.email(), freedSeats: z.number().int().optional() }),
  },
} as const satisfies Record<string, { description: string; actions: readonly string[]; data: z.ZodType }>;

export type TWebhookEventType = keyof typeof WEBHOOK_EVENT_TYPES;

export const WEBHOOK_EVENT_TYPE_NAMES = Object.keys(WEBHOOK_EVENT_TYPES) as TWebhookEventType[];

/** Test pings are not subscribable; every endpoint can receive one on demand. */
export const PING_EVENT_TYPE = "webhook.ping";

export const ZWebhookEventType = z.enum(WEBHOOK_EVENT_TYPE_NAMES as [TWebhookEventType, ...TWebhookEventType[]]);

const ACTION_TO_TYPE = new Map<string, TWebhookEventType>(
  WEBHOOK_EVENT_TYPE_NAMES.flatMap((type) => WEBHOOK_EVENT_TYPES[type].actions.map((action) => [action, type] as const)),
);

/** The webhook type an audit action fans out as, or null (heartbeats, sign-ins… are never webhooks). */
export function webhookTypeForAction(action: string): TWebhookEventType | null {
  return ACTION_TO_TYPE.get(action) ?? null;
}

/** The envelope every delivery's body follows (Standard Webhooks: type, timestamp, data). */
export function payloadSchema<T extends TWebhookEventType>(type: T) {
  return z.object({
    id: z.string().describe("Event id; the same on every delivery and resend of this event (also the webhook-id header)"),
    type: z.literal(type),
    timestamp: z.iso.datetime(),
    data: WEBHOOK_EVENT_TYPES[type].data,
  });
}

export const ZPingPayload = z.object({
  id: z.string(),
  type: z.literal(PING_EVENT_TYPE),
  timestamp: z.iso.datetime(),
  data: z.object({ endpointId: z.string(), message: z.string() }),
});

/** JSON Schema of every payload, keyed by type: what an OpenAPI document's `webhooks` section needs. */
export function webhookPayloadJsonSchemas(): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  for (const type of WEBHOOK_EVENT_TYPE_NAMES) {
    schemas[type] = { description: WEBHOOK_EVENT_TYPES[type].description, ...z.toJSONSchema(payloadSchema(type), { unrepresentable: "any" }) };
  }
  schemas[PING_EVENT_TYPE] = { description: "Test ping sent from the console or the API.", ...z.toJSONSchema(ZPingPayload) };
  return schemas;
}
