import "server-only";
import { Prisma, type Event } from "../generated/prisma/client";
import type { TWebhookEventType } from "./event-types";

/** The body every endpoint receives for an event; `data` follows the type's schema in event-types.ts. */
export function buildWebhookPayload(type: TWebhookEventType, event: Event) {
  const extra = event.data && typeof event.data === "object" && !Array.isArray(event.data) ? event.data : {};
  return {
    id: event.id,
    type,
    timestamp: event.createdAt.toISOString(),
    data: {
      ...extra,
      licenseId: event.licenseId,
      organizationId: event.organizationId,
      activationId: event.activationId,
      actor: { type: event.actorType, id: event.actorId, label: event.actorLabel },
    },
  };
}

/**
 * SQL (text) for the payload buildWebhookPayload would have built had it known the event's
 * activation id and the extra `data` fields (jsonb), which only the statement learns: `payload` is
 * its body built without them. `data` adds fields of the event's own data, never the ones
 * buildWebhookPayload sets itself (licenseId, organizationId, activationId, actor).
 */
export function completeWebhookPayloadSql(payload: Prisma.Sql, activationId: Prisma.Sql, data: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`jsonb_set(${payload}::jsonb, '{data}', ((${payload}::jsonb -> 'data') || ${data}) || jsonb_build_object('activationId', ${activationId}::text))::text`;
}

/**
 * Fans audit events out to every enabled endpoint subscribed to their type: an INSERT … SELECT run in
 * the same statement as the events' own INSERT (lib/events/insert-events.ts), so events and their
 * deliveries commit together, and with no endpoints it costs nothing more than a look at a tiny,
 * indexed table. Deliveries of one license share an orderingKey so the worker sends them in order.
 *
 * `events` is a query with one row per event, its columns "type" (the webhook event type; null for an
 * event no webhook carries), "orderingKey" (the license id), "payload" (buildWebhookPayload's body,
 * jsonb) and "at".
 */
export function webhookDeliveriesFromSql(events: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "WebhookDelivery" ("id", "endpointId", "eventType", "orderingKey", "payload", "status", "attempts", "nextAttemptAt", "createdAt")
    SELECT gen_random_uuid()::text, e."id", ev."type", ev."orderingKey", ev."payload", 'PENDING', 0, ev."at", ev."at"
    FROM (${events}) ev JOIN "WebhookEndpoint" e ON e."enabled" AND (cardinality(e."events") = 0 OR ev."type" = ANY(e."events"))
    WHERE ev."type" IS NOT NULL`;
}
