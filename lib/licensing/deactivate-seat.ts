import "server-only";
import { ApiError } from "../api/errors";
import { db, TX_OPTIONS } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import { countSeatsInUse } from "./count-seats";
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
  return deactivateActivation(found.license, seat.id, ctx);
}

/** Deactivation is allowed whatever the license's state: freeing a seat must never need support. */
export async function deactivateActivationById(activationId: string, ctx: TContext) {
  const activation = await db.activation.findUnique({ where: { id: activationId }, select: { licenseId: true } });
  const license = activation && (await findLicenseById(activation.licenseId));
  if (!license) throw new ApiError("ACTIVATION_NOT_FOUND", "Activation not found");
  return deactivateActivation(license, activationId, ctx);
}

export async function deactivateActivation(license: TLicenseWithPolicy, activationId: string, ctx: TContext) {
  const now = ctx.now ?? new Date();
  const activation = await db.$transaction(async (tx) => {
    // Conditional update: of two racing deactivations exactly one wins, and the loser sees 404.
    const [activation] = await tx.activation.updateManyAndReturn({
      where: { id: activationId, deactivatedAt: null },
      // The cooldown binds the customer (device or portal user); vendor staff free a seat at once.
      data: { deactivatedAt: now, deactivatedBy: ctx.actor.type, seatFreedAt: customerActor(ctx) ? seatFreedAt(license, now) : null },
    });
    if (!activation) throw new ApiError("ACTIVATION_NOT_FOUND", "This activation is not active");
    await recordEvent(tx, { ...ctx, now }, {
      action: "activation.deactivated",
      licenseId: license.id,
      activationId,
      organizationId: license.organizationId,
      data: { fingerprint: activation.fingerprint, friendlyName: activation.friendlyName, seatFreedAt: activation.seatFreedAt?.toISOString() ?? null },
    });
    return activation;
  }, TX_OPTIONS);
  const used = await countSeatsInUse(db, license.id, now);
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
