import "server-only";
import { ApiError } from "../api/errors";
import { db } from "../db";
import { eventInserts, type TContext } from "../events/record-event";
import { Prisma, type Activation } from "../generated/prisma/client";
import { activationColumns } from "./activation-columns";
import { seatsInUseSql } from "./count-seats";
import { findLicenseById, type TLicenseWithPolicy } from "./find-license";
import { findLicenseSeatAndCount } from "./find-seat";
import type { TDeactivateInput } from "./schemas";
import { seatFreedAt } from "../rules/rule-settings";
import { serializeActivation, serializeLicense } from "./serialize";

export async function deactivateSeat(input: TDeactivateInput, ctx: TContext) {
  const found = await findLicenseSeatAndCount(input.key, input.fingerprint, ctx.now ?? new Date());
  if (!found) throw new ApiError("LICENSE_NOT_FOUND", "No license has this key");
  // The lookup also returns a lease that ran out; only a seat still active can be released.
  const seat = found.activation?.deactivatedAt === null ? found.activation : null;
  if (!seat) throw new ApiError("ACTIVATION_NOT_FOUND", "This device holds no seat on the license");
  return deactivateActivation(found.license, seat, ctx);
}

/** Deactivation is allowed whatever the license's state: freeing a seat must never need support. */
export async function deactivateActivationById(activationId: string, ctx: TContext) {
  const seat = await db.activation.findUnique({ where: { id: activationId }, select: { id: true, licenseId: true, fingerprint: true, friendlyName: true } });
  const license = seat && (await findLicenseById(seat.licenseId));
  if (!license) throw new ApiError("ACTIVATION_NOT_FOUND", "Activation not found");
  return deactivateActivation(license, seat, ctx);
}

type TSeatToFree = Pick<Activation, "id" | "fingerprint" | "friendlyName">;
type TFreedRow = Activation & { __seatsInUse: number };

/**
 * Frees the seat, logs it (event and webhook deliveries) and counts the license's seats in use, in ONE
 * statement: atomic on its own, so no transaction and one round trip. The UPDATE is conditional, so of
 * two racing deactivations exactly one matches a row, and the other's event inserts see no row and
 * insert nothing: it answers 404. The event describes the seat as the caller read it (its fingerprint
 * never changes; its friendly name as of that read).
 */
export async function deactivateActivation(license: TLicenseWithPolicy, seat: TSeatToFree, ctx: TContext) {
  const now = ctx.now ?? new Date();
  // The cooldown binds the customer (device or portal user); vendor staff free a seat at once.
  const freedAt = customerActor(ctx) ? seatFreedAt(license, now) : null;
  const [event, deliveries] = eventInserts({ ...ctx, now }, {
    action: "activation.deactivated",
    licenseId: license.id,
    activationId: seat.id,
    organizationId: license.organizationId,
    data: { fingerprint: seat.fingerprint, friendlyName: seat.friendlyName, seatFreedAt: freedAt?.toISOString() ?? null },
  }, Prisma.sql`EXISTS (SELECT 1 FROM seat)`);
  // The statement's snapshot still sees the seat as active: count the others, then the seat itself if
  // its cooldown keeps it counting.
  const rows = await db.$queryRaw<TFreedRow[]>`
    WITH seat AS (
      UPDATE "Activation" SET "deactivatedAt" = ${now}, "deactivatedBy" = ${ctx.actor.type}, "seatFreedAt" = ${freedAt}
      WHERE "id" = ${seat.id} AND "deactivatedAt" IS NULL
      RETURNING ${activationColumns()}
    ), event AS (${event})${deliveries ? Prisma.sql`, deliveries AS (${deliveries})` : Prisma.empty}
    SELECT seat.*, ${seatsInUseSql(license.id, now, Prisma.sql`seat."id"`)}
      + (CASE WHEN seat."seatFreedAt" > ${now}::timestamptz THEN 1 ELSE 0 END) AS "__seatsInUse"
    FROM seat`;
  const row = rows[0];
  if (!row) throw new ApiError("ACTIVATION_NOT_FOUND", "This activation is not active");
  const { __seatsInUse: used, ...activation } = row;
  return {
    activation: serializeActivation(activation, now),
    license: serializeLicense(license, used, now),
    // When the seat stops counting: now, or the end of the node-locked deactivation cooldown.
    seatFreedAt: (activation.seatFreedAt ?? now).toISOString(),
  };
}

function customerActor(ctx: TContext): boolean {
  return ctx.actor.type === "LICENSE_KEY" || ctx.actor.type === "USER" || ctx.actor.type === "ANONYMOUS";
}
