import "server-only";
import { db } from "../db";
import { batcher } from "../db/batcher";
import { isWriteConflict } from "../db/write-conflict";
import { eventCtes } from "../events/insert-events";
import { eventRow, type TContext } from "../events/record-event";
import { Prisma, type Activation } from "../generated/prisma/client";
import { activationColumns } from "./activation-columns";
import { seatsInUseSql } from "./count-seats";
import { licenseDigestSql } from "./license-cache";
import { STALE, type TVerify } from "./take-quick-seat";

export type TFree = {
  /**
   * The seat to free, as the caller read it. Or, with `verify` (a license taken from the cache
   * unchecked), the device whose active seat the statement finds and frees itself.
   */
  seat: TSeatToFree | { fingerprint: string };
  licenseId: string;
  organizationId: string | null;
  /** When the seat stops counting, if later than now (the customer's deactivation cooldown). */
  freedAt: Date | null;
  ctx: TContext & { now: Date };
  verify?: TVerify;
};
export type TSeatToFree = Pick<Activation, "id" | "fingerprint" | "friendlyName">;
/**
 * The freed seat and the license's seats in use after it; null when the seat was not active; STALE
 * (only with `verify`) when the license no longer has the cached digest: nothing was written.
 */
export type TFreed = { activation: Activation; used: number } | null | typeof STALE;

/**
 * Frees a seat, logs it (event and webhook deliveries) and counts the license's seats in use, in ONE
 * statement shared by every deactivation of the same event-loop turn: atomic on its own, so no
 * transaction. The UPDATE only matches seats still active, so of two racing deactivations exactly
 * one frees the seat and logs it; the other gets null. The event describes the seat as the caller
 * read it (its fingerprint never changes; its friendly name as of that read), or as the statement
 * found it.
 */
export function freeSeat(free: TFree): Promise<TFreed> {
  return freeBatched(free);
}

type TRow = Partial<Activation> & { __ask: bigint | number; __current: boolean; __seatsInUse: number | null };

const TYPE = "activation.deactivated";

const known = (seat: TFree["seat"]): seat is TSeatToFree => "id" in seat;
// The same seat (or device, for a seat the statement finds) twice in one batch: the first call
// frees it, the others find it gone.
const sameSeat = (f: TFree) => (known(f.seat) ? f.seat.id : `${f.licenseId}\n${f.seat.fingerprint}`);

const freeBatched = batcher(async (frees: TFree[]): Promise<TFreed[]> => {
  const first = new Map<string, number>();
  const unique = frees.filter((f, i) => !first.has(sameSeat(f)) && first.set(sameSeat(f), i));
  const events = unique.map((f) =>
    eventRow(f.ctx, {
      action: TYPE,
      licenseId: f.licenseId,
      // A seat the statement finds: its id and friendly name come from the row (eventCtes' `completed`).
      activationId: known(f.seat) ? f.seat.id : null,
      organizationId: f.organizationId,
      data: {
        fingerprint: f.seat.fingerprint,
        ...(known(f.seat) ? { friendlyName: f.seat.friendlyName } : {}),
        seatFreedAt: f.freedAt?.toISOString() ?? null,
      },
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
      SELECT * FROM unnest(${col((f) => (known(f.seat) ? f.seat.id : null))}::text[], ${col((f) => f.licenseId)}::text[],
        ${col((f) => f.seat.fingerprint)}::text[], ${col((f) => f.ctx.now.toISOString())}::text[],
        ${col((f) => f.freedAt?.toISOString() ?? null)}::text[], ${col((f) => f.ctx.actor.type)}::text[], ${events.map((e) => e.id)}::text[],
        ${col((f) => f.verify?.key ?? null)}::text[], ${col((f) => f.verify?.digest ?? null)}::text[])
        WITH ORDINALITY AS u("seat", "licenseId", "fingerprint", "now", "freedAt", "actorType", "eventId", "key", "digest", "i")
    ),
    -- A license taken from the cache unchecked is acted on only while its rows have the cached digest.
    current AS (
      SELECT input."i" FROM input
      LEFT JOIN LATERAL (${licenseDigestSql(Prisma.sql`input."key"`)}) d ON true
      WHERE input."digest" IS NULL OR input."digest" = d."digest"
    ),
    target AS (
      SELECT input."i", coalesce(input."seat", (
        SELECT a."id" FROM "Activation" a
        WHERE a."licenseId" = input."licenseId" AND a."fingerprint" = input."fingerprint" AND a."deactivatedAt" IS NULL
        ORDER BY a."createdAt" DESC, a."id" DESC LIMIT 1)) AS "id"
      FROM input JOIN current ON current."i" = input."i"
    ),
    locked AS (
      SELECT a."id", target."i" FROM target JOIN "Activation" a ON a."id" = target."id" AND a."deactivatedAt" IS NULL
      ORDER BY a."id" FOR UPDATE OF a
    ),
    freed AS (
      UPDATE "Activation" a SET "deactivatedAt" = input."now"::timestamptz, "deactivatedBy" = input."actorType", "seatFreedAt" = input."freedAt"::timestamptz
      FROM locked JOIN input ON input."i" = locked."i"
      WHERE a."id" = locked."id" AND a."deactivatedAt" IS NULL
      RETURNING input."i" AS "__i", input."now"::timestamptz AS "__now", input."eventId" AS "__eventId", ${activationColumns("a")}
    ),
    ${eventCtes(
      events,
      Prisma.sql`event_input."id" IN (SELECT "__eventId" FROM freed)`,
      Prisma.sql`SELECT "__eventId" AS "eventId", "id" AS "activationId", jsonb_build_object('friendlyName', "friendlyName") AS "data"
        FROM freed JOIN input ON input."i" = freed."__i" WHERE input."seat" IS NULL`,
    )}
    SELECT input."i" AS "__ask", (input."i" IN (SELECT "i" FROM current)) AS "__current", ${activationColumns("f")},
      CASE WHEN f."id" IS NULL THEN NULL ELSE
        ${seatsInUseSql(Prisma.sql`f."licenseId"`, Prisma.sql`f."__now"`, Prisma.sql`held."id" IN (SELECT g."id" FROM freed g WHERE g."licenseId" = f."licenseId" AND g."__i" <= f."__i")`)}
        + (SELECT count(*)::int FROM freed g WHERE g."licenseId" = f."licenseId" AND g."__i" <= f."__i" AND g."seatFreedAt" > f."__now")
      END AS "__seatsInUse"
    FROM input LEFT JOIN freed f ON f."__i" = input."i"`;
  const rows = await statement().catch((error: unknown) => (isWriteConflict(error) ? statement() : Promise.reject(error)));
  const answers = new Map<number, TFreed>();
  for (const { __ask, __current, __seatsInUse, ...activation } of rows) {
    const ask = unique[Number(__ask) - 1]!;
    const answer = activation.id ? { activation: activation as Activation, used: __seatsInUse! } : ask.verify && !__current ? STALE : null;
    answers.set(first.get(sameSeat(ask))!, answer);
  }
  // A second call for the same seat: null (it is gone), or STALE when the license changed.
  return frees.map((f, i) => answers.get(i) ?? (f.verify && answers.get(first.get(sameSeat(f))!) === STALE ? STALE : null));
});
