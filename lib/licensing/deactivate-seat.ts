import "server-only";
import { ApiError } from "../api/errors";
import { db } from "../db";
import type { TContext } from "../events/record-event";
import type { Activation } from "../generated/prisma/client";
import { findLicenseById, type TLicenseWithPolicy } from "./find-license";
import { lookUpSeat, type TSeatLookupAhead } from "./look-up-seat";
import { freeSeat } from "./free-seat";
import type { TDeactivateInput } from "./schemas";
import { seatFreedAt } from "../rules/rule-settings";
import { serializeActivation, serializeLicense } from "./serialize";

export async function deactivateSeat(input: TDeactivateInput, ctx: TContext, ahead?: TSeatLookupAhead) {
  const found = await lookUpSeat(input, ctx.now, ahead).found;
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

/** Frees the seat, logs it and counts the seats still in use, in one statement (free-seat.ts). */
export async function deactivateActivation(license: TLicenseWithPolicy, seat: TSeatToFree, ctx: TContext) {
  const now = ctx.now ?? new Date();
  // The cooldown binds the customer (device or portal user); vendor staff free a seat at once.
  const freedAt = customerActor(ctx) ? seatFreedAt(license, now) : null;
  const freed = await freeSeat({ seat, licenseId: license.id, organizationId: license.organizationId, freedAt, ctx: { ...ctx, now } });
  if (!freed) throw new ApiError("ACTIVATION_NOT_FOUND", "This activation is not active");
  const { activation, used } = freed;
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
