import "server-only";
import { db, type TDbOrTx } from "../db";
import { newId } from "../db/new-id";
import { Prisma, type Event } from "../generated/prisma/client";
import { insertEvent, insertEventsSql } from "./insert-events";

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
 * statement: atomic on its own, inside or outside a transaction, and one round trip. Outside a
 * transaction, the events of one event-loop turn share that statement (insert-events.ts).
 */
export async function recordEvent(client: TDbOrTx, ctx: TContext, event: TEventInput): Promise<void> {
  const row = eventRow(ctx, event);
  if (client === db) return insertEvent(row);
  await client.$executeRaw(insertEventsSql([row]));
}

/** The Event row an event will be stored as, with its id and time: for statements that insert it themselves. */
export function eventRow(ctx: TContext, event: TEventInput): Event {
  return {
    id: newId(),
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
}
