import "server-only";
import { db } from "../db";
import { batcher } from "../db/batcher";
import { isWriteConflict } from "../db/write-conflict";
import { eventCtes } from "../events/insert-events";
import { eventRow, type TContext } from "../events/record-event";
import { Prisma, type Activation } from "../generated/prisma/client";
import { activationColumns } from "./activation-columns";
import { seatsInUseSql } from "./count-seats";

export type TFree = {
  seat: Pick<Activation, "id" | "fingerprint" | "friendlyName">;
  licenseId: string;
  organizationId: string | null;
  /** When the seat stops counting, if later than now (the customer's deactivation cooldown). */
  freedAt: Date | null;
  ctx: TContext & { now: Date };
};
/** The freed seat and the license's seats in use after it, or null when the seat was not active. */
export type TFreed = { activation: Activation; used: number } | null;

/**
 * Frees a seat, logs it (event and webhook deliveries) and counts the license's seats in use, in ONE
 * statement shared by every deactivation of the same event-loop turn: atomic on its own, so no
 * transaction. The UPDATE only matches seats still active, so of two racing deactivations exactly
 * one frees the seat and logs it; the other gets null. The event describes the seat as the caller
 * read it (its fingerprint never changes; its friendly name as of that read).
 */
export function freeSeat(free: TFree): Promise<TFreed> {
  return freeBatched(free);
}

type TRow = Activation & { __i: bigint | number; __seatsInUse: number };

const TYPE = "activation.deactivated";

const freeBatched = batcher(async (frees: TFree[]): Promise<TFreed[]> => {
  // The same seat twice in one batch: the first call frees it, the others find it gone.
  const first = new Map<string, number>();
  const unique = frees.filter((f, i) => !first.has(f.seat.id) && first.set(f.seat.id, i));
  const events = unique.map((f) =>
    eventRow(f.ctx, {
      action: TYPE,
      licenseId: f.licenseId,
      activationId: f.seat.id,
      organizationId: f.organizationId,
      data: { fingerprint: f.seat.fingerprint, friendlyName: f.seat.friendlyName, seatFreedAt: f.freedAt?.toISOString() ?? null },
    }),
  );
  const col = <T,>(pick: (f: TFree) => T) => unique.map(pick);
  // Seats are locked in id order before they are updated, so batches in flight at the same time (on
  // this or another instance) can't deadlock. Within a batch the deactivations count as if they ran
  // in call order: each answer still counts the seats that later calls free.
  // A deadlock with a statement that locks seats in another order (a device move) rolled this one
  // back whole: run it once more.
  const statement = () => db.$queryRaw<TRow[]>`
    WITH input AS (
      SELECT * FROM unnest(${col((f) => f.seat.id)}::text[], ${col((f) => f.licenseId)}::text[],
        ${col((f) => f.ctx.now.toISOString())}::text[], ${col((f) => f.freedAt?.toISOString() ?? null)}::text[], ${col((f) => f.ctx.actor.type)}::text[])
        WITH ORDINALITY AS u("seat", "licenseId", "now", "freedAt", "actorType", "i")
    ),
    locked AS (
      SELECT a."id", input."i" FROM input JOIN "Activation" a ON a."id" = input."seat" AND a."deactivatedAt" IS NULL
      ORDER BY a."id" FOR UPDATE OF a
    ),
    freed AS (
      UPDATE "Activation" a SET "deactivatedAt" = input."now"::timestamptz, "deactivatedBy" = input."actorType", "seatFreedAt" = input."freedAt"::timestamptz
      FROM locked JOIN input ON input."i" = locked."i"
      WHERE a."id" = locked."id" AND a."deactivatedAt" IS NULL
      RETURNING input."i" AS "__i", input."now"::timestamptz AS "__now", ${activationColumns("a")}
    ),
    ${eventCtes(events, Prisma.sql`event_input."activationId" IN (SELECT "id" FROM freed)`)}
    SELECT f.*,
      ${seatsInUseSql(Prisma.sql`f."licenseId"`, Prisma.sql`f."__now"`, Prisma.sql`held."id" IN (SELECT g."id" FROM freed g WHERE g."licenseId" = f."licenseId" AND g."__i" <= f."__i")`)}
      + (SELECT count(*)::int FROM freed g WHERE g."licenseId" = f."licenseId" AND g."__i" <= f."__i" AND g."seatFreedAt" > f."__now") AS "__seatsInUse"
    FROM freed f`;
  const rows = await statement().catch((error: unknown) => (isWriteConflict(error) ? statement() : Promise.reject(error)));
  const byIndex = new Map<number, TFreed>();
  for (const row of rows) {
    const { __i: _i, __seatsInUse: used, __now: _now, ...activation } = row as TRow & { __now: unknown };
    byIndex.set(first.get(activation.id)!, { activation: activation as Activation, used });
  }
  return frees.map((_, i) => byIndex.get(i) ?? null);
});
