import "server-only";
import { TX_OPTIONS, type TDbOrTx, type TTx } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { enqueueWebhookDeliveries } from "../webhooks/enqueue-deliveries";
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

export async function recordEvent(client: TDbOrTx, ctx: TContext, event: TEventInput): Promise<void> {
  const webhookType = webhookTypeForAction(event.action);
  if (webhookType && isRootClient(client)) {
    // The event and its webhook deliveries commit together or not at all.
    return client.$transaction((tx) => recordEvent(tx, ctx, event), TX_OPTIONS);
  }
  const created = await client.event.create({
    data: {
      actorType: ctx.actor.type,
      actorId: ctx.actor.id ?? null,
      actorLabel: ctx.actor.label ?? null,
      ip: ctx.ip ?? null,
      createdAt: ctx.now ?? new Date(),
      ...event,
    },
  });
  if (webhookType) await enqueueWebhookDeliveries(client as TTx, webhookType, created);
}

// Transaction clients lack $disconnect ($transaction exists on both: Prisma 7 nests with savepoints).
function isRootClient(client: TDbOrTx): boolean {
  return typeof (client as { $disconnect?: unknown }).$disconnect === "function";
}
