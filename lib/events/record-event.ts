import "server-only";
import { createId } from "@paralleldrive/cuid2";
import type { TDbOrTx } from "../db";
import { Prisma, type Event } from "../generated/prisma/client";
import { webhookDeliveriesSql } from "../webhooks/enqueue-deliveries";
import { webhookTypeForAction } from "../webhooks/event-types";

export type TActorType = "STAFF" | "API_TOKEN" | "LICENSE_KEY" | "USER" | "SYSTEM" | "ANONYMOUS";

export type TActor = { type: TActorType; id?: string | null; label?: string | null };

/** Who is acting and from where; passed from the HTTP layer into every domain operation. */
export type TContext = { actor: TActor; ip?: string | null; now?: Date };

export type TEventInput = {
  action: string;
  licenseId?: string | null;
  activationId?: string | null;
  organizationId?: string | null;
  data?: Prisma.InputJsonValue;
};

/**
 * Appends an audit event and, when its action maps to a webhook type, queues its deliveries, in one
 * statement: atomic on its own, inside or outside a transaction, and one round trip.
 */
export async function recordEvent(client: TDbOrTx, ctx: TContext, event: TEventInput): Promise<void> {
  const webhookType = webhookTypeForAction(event.action);
  const row: Event = {
    id: createId(),
    createdAt: ctx.now ?? new Date(),
    actorType: ctx.actor.type,
    actorId: ctx.actor.id ?? null,
    actorLabel: ctx.actor.label ?? null,
    ip: ctx.ip ?? null,
    action: event.action,
    licenseId: event.licenseId ?? null,
    activationId: event.activationId ?? null,
    organizationId: event.organizationId ?? null,
    data: (event.data ?? null) as Event["data"],
  };
  const insert = Prisma.sql`
    INSERT INTO "Event" ("id", "createdAt", "actorType", "actorId", "actorLabel", "action", "licenseId", "activationId", "organizationId", "ip", "data")
    VALUES (${row.id}, ${row.createdAt}, ${row.actorType}, ${row.actorId}, ${row.actorLabel}, ${row.action}, ${row.licenseId},
      ${row.activationId}, ${row.organizationId}, ${row.ip}, ${event.data === undefined ? null : JSON.stringify(event.data)}::jsonb)`;
  await client.$executeRaw(webhookType ? Prisma.sql`WITH event AS (${insert}) ${webhookDeliveriesSql(webhookType, row)}` : insert);
}
