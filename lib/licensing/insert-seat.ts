import "server-only";
import type { TDbOrTx, TTx } from "../db";
import { newId } from "../db/new-id";
import { eventInserts, type TContext, type TEventInput } from "../events/record-event";
import { Prisma, type Activation } from "../generated/prisma/client";
import { movableSeatsSql, type TMovableSeat, type TMoveLicense } from "../rules/move-device";
import { activationColumns } from "./activation-columns";

export type TNewSeat = Pick<Activation, "licenseId" | "fingerprint" | "ip" | "userId" | "tokenKeyId" | "overage" | "leaseExpiresAt"> &
  Partial<Pick<Activation, "friendlyName" | "hostname" | "platform" | "appVersion">>;

/**
 * Makes the insert conditional: `state` is a query the statement runs first (as a CTE of that name,
 * with a "currentPeriodId" column), and the seat is inserted only where `allow`, an SQL condition
 * over it, holds. Without a guard the seat is inserted and counted in `currentPeriodId`.
 */
export type TSeatGuard = { state: Prisma.Sql; allow: Prisma.Sql };

const ACTIVATION_FIELDS = new Set<string>(Object.values(Prisma.ActivationScalarFieldEnum));

type TInsertedRow = Partial<Activation> & { __consumed: number | null; __movable: TMovableSeat[] | string | null };

/**
 * Takes a seat in ONE statement: the activation row, its audit events and their webhook deliveries,
 * its count in the license's open billing period (PeriodUsage, the period's counter, and the row's
 * lastPeriodId, as recordSeatUsage would), and, with `findMovable`, the device's seats on sibling
 * licenses that a device move frees. One round trip instead of five: on these machines the app's CPU
 * per statement is what bounds activation throughput. Exactness is the caller's: it holds the license
 * lock in its transaction, or passes a guard that takes it (take-quick-seat.ts).
 *
 * Returns the row, the period's new consumed count for the seat alert (null with no open period, or
 * when the period's alert already went out) and the movable seats.
 */
export async function insertSeat(
  tx: TTx,
  license: TMoveLicense & { currentPeriodId: string | null },
  seat: TNewSeat,
  events: (activationId: string) => TEventInput[],
  ctx: TContext & { now: Date },
  options: { findMovable?: boolean } = {},
): Promise<{ activation: Activation; consumed: number | null; movable: TMovableSeat[] }> {
  const { activation, consumed, movable } = await insertSeatIf(tx, license, seat, events, ctx, options);
  // Unguarded, the INSERT … SELECT reads one row of constants: it always inserts.
  if (!activation) throw new Error("insertSeat inserted no row");
  return { activation, consumed, movable };
}

/** insertSeat with a guard (see TSeatGuard): the row is null when the guard refused; `state` is the guard's row. */
export async function insertSeatIf<TState extends object = object>(
  client: TDbOrTx,
  license: TMoveLicense & { currentPeriodId: string | null },
  seat: TNewSeat,
  events: (activationId: string) => TEventInput[],
  ctx: TContext & { now: Date },
  options: { findMovable?: boolean; guard?: TSeatGuard } = {},
): Promise<{ activation: Activation | null; consumed: number | null; movable: TMovableSeat[]; state: TState | null }> {
  const id = newId();
  const { now } = ctx;
  const { state, allow } = options.guard ?? { state: Prisma.sql`SELECT ${license.currentPeriodId}::text AS "currentPeriodId"`, allow: Prisma.sql`true` };
  const inserted = Prisma.sql`EXISTS (SELECT 1 FROM seat)`;
  const ctes: Prisma.Sql[] = [
    Prisma.sql`state AS MATERIALIZED (${state})`,
    Prisma.sql`seat AS (
      INSERT INTO "Activation" ("id", "licenseId", "fingerprint", "friendlyName", "hostname", "platform", "appVersion", "ip", "userId",
        "tokenKeyId", "overage", "leaseExpiresAt", "createdAt", "lastSeenAt", "lastPeriodId")
      SELECT ${id}, ${seat.licenseId}, ${seat.fingerprint}, ${seat.friendlyName ?? null}::text, ${seat.hostname ?? null}::text, ${seat.platform ?? null}::text,
        ${seat.appVersion ?? null}::text, ${seat.ip}::text, ${seat.userId}::text, ${seat.tokenKeyId}::text, ${seat.overage}::boolean,
        ${seat.leaseExpiresAt}::timestamptz, ${now}::timestamptz, ${now}::timestamptz, state."currentPeriodId"
      FROM state WHERE ${allow}
      RETURNING ${activationColumns()})`,
    // A new row is always new to the period, so the counter simply goes up by one.
    Prisma.sql`usage AS (
      INSERT INTO "PeriodUsage" ("periodId", "activationId", "firstSeenAt")
      SELECT seat."lastPeriodId", seat."id", ${now}::timestamptz FROM seat WHERE seat."lastPeriodId" IS NOT NULL)`,
    Prisma.sql`period AS (
      UPDATE "BillingPeriod" bp SET "seatsConsumed" = bp."seatsConsumed" + 1 FROM seat
      WHERE bp."id" = seat."lastPeriodId" RETURNING bp."seatsConsumed", bp."seatAlertSentAt")`,
  ];
  events(id).forEach((event, i) => {
    eventInserts(ctx, event, inserted).forEach((insert, j) => ctes.push(Prisma.sql`${Prisma.raw(`event${i}_${j}`)} AS (${insert})`));
  });
  const movable = options.findMovable ? movableSeatsSql(license, seat.fingerprint) : Prisma.sql`NULL::json`;
  const rows = await client.$queryRaw<(TInsertedRow & TState)[]>`
    WITH ${Prisma.join(ctes, ", ")}
    SELECT state.*, seat.*,
      -- Only a period whose seat alert has not gone out yet needs its count (the alert is sent once).
      (SELECT "seatsConsumed" FROM period WHERE "seatAlertSentAt" IS NULL) AS "__consumed",
      ${movable} AS "__movable"
    FROM state LEFT JOIN seat ON true`;
  // A guard's state query may find nothing (no such license): then nothing was inserted either.
  if (!rows[0]) return { activation: null, consumed: null, movable: [], state: null };
  const { __consumed, __movable, ...row } = rows[0];
  const moves = typeof __movable === "string" ? (JSON.parse(__movable) as TMovableSeat[]) : (__movable ?? []);
  // The row holds the state's columns beside the seat's: split them by the Activation column names,
  // so a state column can never pass for a seat field or the other way round.
  const seatFields: Record<string, unknown> = {};
  const stateFields: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(row)) (ACTIVATION_FIELDS.has(name) ? seatFields : stateFields)[name] = value;
  const activation = seatFields.id ? (seatFields as Activation) : null;
  return { activation, consumed: __consumed, movable: moves, state: stateFields as TState };
}
