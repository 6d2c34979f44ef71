import "server-only";
import { db } from "../db";
import { batcher } from "../db/batcher";
import { Prisma, type Event } from "../generated/prisma/client";
import { buildWebhookPayload, completeWebhookPayloadSql, webhookDeliveriesFromSql } from "../webhooks/enqueue-deliveries";
import { webhookTypeForAction } from "../webhooks/event-types";

/**
 * Inserts events recorded outside a transaction, with their webhook deliveries: the events of one
 * event-loop turn share one statement (under load, dozens of requests log an event in the same
 * turn). When that statement fails, each event is inserted on its own, so one bad event fails only
 * its own caller, as it would alone.
 */
export async function insertEvent(event: Event): Promise<void> {
  const failed = await insertBatched(event);
  if (failed) throw failed.reason;
}

const insertBatched = batcher(async (events: Event[]): Promise<({ reason: unknown } | null)[]> => {
  try {
    await db.$executeRaw(insertEventsSql(events));
    return events.map(() => null);
  } catch (error) {
    if (events.length === 1) return [{ reason: error }];
    const alone = await Promise.allSettled(events.map((event) => db.$executeRaw(insertEventsSql([event]))));
    return alone.map((r) => (r.status === "fulfilled" ? null : { reason: r.reason }));
  }
});

/** One statement that inserts `events` and queues their webhook deliveries. */
export function insertEventsSql(events: Event[]): Prisma.Sql {
  return Prisma.sql`WITH ${eventCtes(events)} SELECT NULL`;
}

/**
 * CTEs that insert `events` (rows as eventRow builds them) and queue their webhook deliveries, for a
 * statement that writes them beside its own work: "event_input" (one row per event), "event" and
 * "event_deliveries". With `keep`, an SQL condition over event_input's columns and the statement's
 * other CTEs (say, that the event's activation is among the rows an UPDATE matched), only the
 * events for which it holds are written.
 *
 * With `completed`, a query over the statement's CTEs for events whose activation only the statement
 * knows (it picked the seat itself): one row per such event, with its "eventId", "activationId" and
 * "data" (jsonb fields added to the event's data). The event row and its webhook payload get them.
 */
export function eventCtes(events: Event[], keep: Prisma.Sql = Prisma.sql`true`, completed?: Prisma.Sql): Prisma.Sql {
  const col = <T,>(pick: (e: Event) => T) => events.map(pick);
  const types = events.map((e) => webhookTypeForAction(e.action));
  const given = Prisma.sql`
      SELECT * FROM unnest(${col((e) => e.id)}::text[], ${col((e) => e.createdAt.toISOString())}::text[], ${col((e) => e.actorType)}::text[],
        ${col((e) => e.actorId)}::text[], ${col((e) => e.actorLabel)}::text[], ${col((e) => e.action)}::text[],
        ${col((e) => e.licenseId)}::text[], ${col((e) => e.activationId)}::text[], ${col((e) => e.organizationId)}::text[],
        ${col((e) => e.ip)}::text[], ${col((e) => (e.data === null ? null : JSON.stringify(e.data)))}::text[], ${types}::text[],
        ${events.map((e, i) => (types[i] ? JSON.stringify(buildWebhookPayload(types[i]!, e)) : null))}::text[])
        AS u("id", "createdAt", "actorType", "actorId", "actorLabel", "action", "licenseId", "activationId", "organizationId", "ip", "data", "type", "payload")`;
  return Prisma.sql`
    event_input AS (${completed ? completeEvents(given, completed) : given}),
    event AS (
      INSERT INTO "Event" ("id", "createdAt", "actorType", "actorId", "actorLabel", "action", "licenseId", "activationId", "organizationId", "ip", "data")
      SELECT "id", "createdAt"::timestamptz, "actorType", "actorId", "actorLabel", "action", "licenseId", "activationId", "organizationId", "ip", "data"::jsonb
      FROM event_input WHERE ${keep}
    ),
    event_deliveries AS (${webhookDeliveriesFromSql(
      Prisma.sql`SELECT "type", "licenseId" AS "orderingKey", "payload"::jsonb AS "payload", "createdAt"::timestamptz AS "at" FROM event_input WHERE ${keep}`,
    )})`;
}

function completeEvents(given: Prisma.Sql, completed: Prisma.Sql): Prisma.Sql {
  return Prisma.sql`
      SELECT g."id", g."createdAt", g."actorType", g."actorId", g."actorLabel", g."action", g."licenseId",
        coalesce(c."activationId", g."activationId") AS "activationId", g."organizationId", g."ip",
        CASE WHEN c."eventId" IS NULL THEN g."data" ELSE (coalesce(g."data"::jsonb, '{}'::jsonb) || c."data")::text END AS "data", g."type",
        CASE WHEN c."eventId" IS NULL OR g."payload" IS NULL THEN g."payload"
          ELSE ${completeWebhookPayloadSql(Prisma.sql`g."payload"`, Prisma.sql`c."activationId"`, Prisma.sql`c."data"`)} END AS "payload"
      FROM (${given}) g LEFT JOIN (${completed}) c ON c."eventId" = g."id"`;
}
