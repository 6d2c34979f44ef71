import "server-only";
import { db } from "../db";
import { batcher } from "../db/batcher";
import { Prisma, type Event } from "../generated/prisma/client";
import { buildWebhookPayload, webhookDeliveriesFromSql } from "../webhooks/enqueue-deliveries";
import { webhookTypeForAction } from "../webhooks/event-types";

/** An event row to insert, and its data as the caller gave it (undefined: no data). */
export type TEventToInsert = { row: Event; data: Prisma.InputJsonValue | undefined };

/**
 * Inserts events recorded outside a transaction, with their webhook deliveries: the events of one
 * event-loop turn share one statement (under load, dozens of requests log an event in the same
 * turn). When that statement fails, each event is inserted on its own, so one bad event fails only
 * its own caller, as it would alone.
 */
export async function insertEvent(event: TEventToInsert): Promise<void> {
  const failed = await insertBatched(event);
  if (failed) throw failed.reason;
}

const insertBatched = batcher(async (events: TEventToInsert[]): Promise<({ reason: unknown } | null)[]> => {
  try {
    await db.$executeRaw(insertSql(events));
    return events.map(() => null);
  } catch (error) {
    if (events.length === 1) return [{ reason: error }];
    const alone = await Promise.allSettled(events.map((event) => db.$executeRaw(insertSql([event]))));
    return alone.map((r) => (r.status === "fulfilled" ? null : { reason: r.reason }));
  }
});

function insertSql(events: TEventToInsert[]): Prisma.Sql {
  const col = <T,>(pick: (e: TEventToInsert) => T) => events.map(pick);
  const types = events.map((e) => webhookTypeForAction(e.row.action));
  return Prisma.sql`
    WITH input AS (
      SELECT * FROM unnest(${col((e) => e.row.id)}::text[], ${col((e) => e.row.createdAt.toISOString())}::text[], ${col((e) => e.row.actorType)}::text[],
        ${col((e) => e.row.actorId)}::text[], ${col((e) => e.row.actorLabel)}::text[], ${col((e) => e.row.action)}::text[],
        ${col((e) => e.row.licenseId)}::text[], ${col((e) => e.row.activationId)}::text[], ${col((e) => e.row.organizationId)}::text[],
        ${col((e) => e.row.ip)}::text[], ${col((e) => (e.data === undefined ? null : JSON.stringify(e.data)))}::text[], ${types}::text[],
        ${events.map((e, i) => (types[i] ? JSON.stringify(buildWebhookPayload(types[i]!, e.row)) : null))}::text[])
        AS u("id", "createdAt", "actorType", "actorId", "actorLabel", "action", "licenseId", "activationId", "organizationId", "ip", "data", "type", "payload")
    ),
    event AS (
      INSERT INTO "Event" ("id", "createdAt", "actorType", "actorId", "actorLabel", "action", "licenseId", "activationId", "organizationId", "ip", "data")
      SELECT "id", "createdAt"::timestamptz, "actorType", "actorId", "actorLabel", "action", "licenseId", "activationId", "organizationId", "ip", "data"::jsonb
      FROM input
    )
    ${webhookDeliveriesFromSql(Prisma.sql`SELECT "type", "licenseId" AS "orderingKey", "payload"::jsonb AS "payload", "createdAt"::timestamptz AS "at" FROM input`)}`;
}
