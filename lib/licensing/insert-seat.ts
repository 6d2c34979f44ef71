import "server-only";
import type { TTx } from "../db";
import { newId } from "../db/new-id";
import { eventCtes } from "../events/insert-events";
import { eventRow, type TContext, type TEventInput } from "../events/record-event";
import { Prisma, type Activation } from "../generated/prisma/client";
import { movableSeatsSql, type TMovableSeat, type TMoveLicense } from "../rules/move-device";
import { activationColumns } from "./activation-columns";

export type TNewSeat = Pick<Activation, "licenseId" | "fingerprint" | "ip" | "userId" | "tokenKeyId" | "overage" | "leaseExpiresAt"> &
  Partial<Pick<Activation, "friendlyName" | "hostname" | "platform" | "appVersion">>;

type TInsertedRow = Activation & { __consumed: number | null; __movable: TMovableSeat[] | string | null };

/**
 * Takes a seat in ONE statement: the activation row, its audit events and their webhook deliveries,
 * its count in the license's open billing period (PeriodUsage, the period's counter, and the row's
 * lastPeriodId, as recordSeatUsage would), and, with `findMovable`, the device's seats on sibling
 * licenses that a device move frees. One round trip instead of five: on these machines the app's CPU
 * per statement is what bounds activation throughput. Exactness is the caller's: it holds the license
 * lock in its transaction. (take-quick-seat.ts is the same insert for many seats, guarded by the lock.)
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
  const id = newId();
  const { now } = ctx;
  const ctes: Prisma.Sql[] = [
    Prisma.sql`seat AS (
      INSERT INTO "Activation" ("id", "licenseId", "fingerprint", "friendlyName", "hostname", "platform", "appVersion", "ip", "userId",
        "tokenKeyId", "overage", "leaseExpiresAt", "createdAt", "lastSeenAt", "lastPeriodId")
      SELECT ${id}, ${seat.licenseId}, ${seat.fingerprint}, ${seat.friendlyName ?? null}::text, ${seat.hostname ?? null}::text, ${seat.platform ?? null}::text,
        ${seat.appVersion ?? null}::text, ${seat.ip}::text, ${seat.userId}::text, ${seat.tokenKeyId}::text, ${seat.overage}::boolean,
        ${seat.leaseExpiresAt}::timestamptz, ${now}::timestamptz, ${now}::timestamptz, ${license.currentPeriodId}::text
      RETURNING ${activationColumns()})`,
    // A new row is always new to the period, so the counter simply goes up by one.
    Prisma.sql`usage AS (
      INSERT INTO "PeriodUsage" ("periodId", "activationId", "firstSeenAt")
      SELECT seat."lastPeriodId", seat."id", ${now}::timestamptz FROM seat WHERE seat."lastPeriodId" IS NOT NULL)`,
    Prisma.sql`period AS (
      UPDATE "BillingPeriod" bp SET "seatsConsumed" = bp."seatsConsumed" + 1 FROM seat
      WHERE bp."id" = seat."lastPeriodId" RETURNING bp."seatsConsumed", bp."seatAlertSentAt")`,
  ];
  ctes.push(eventCtes(events(id).map((event) => eventRow(ctx, event))));
  const movable = options.findMovable ? movableSeatsSql(license, seat.fingerprint) : Prisma.sql`NULL::json`;
  const rows = await tx.$queryRaw<TInsertedRow[]>`
    WITH ${Prisma.join(ctes, ", ")}
    SELECT seat.*,
      -- Only a period whose seat alert has not gone out yet needs its count (the alert is sent once).
      (SELECT "seatsConsumed" FROM period WHERE "seatAlertSentAt" IS NULL) AS "__consumed",
      ${movable} AS "__movable"
    FROM seat`;
  const { __consumed, __movable, ...activation } = rows[0]!;
  const moves = typeof __movable === "string" ? (JSON.parse(__movable) as TMovableSeat[]) : (__movable ?? []);
  return { activation, consumed: __consumed, movable: moves };
}
