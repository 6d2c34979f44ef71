import "server-only";
import type { TDbOrTx } from "../db";
import type { Prisma } from "../generated/prisma/client";

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
  await client.event.create({
    data: {
      actorType: ctx.actor.type,
      actorId: ctx.actor.id ?? null,
      actorLabel: ctx.actor.label ?? null,
      ip: ctx.ip ?? null,
      createdAt: ctx.now ?? new Date(),
      ...event,
    },
  });
}
