import "server-only";
import { ApiError } from "../api/errors";
import { db, TX_OPTIONS } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import { countSeatsInUse } from "./count-seats";
import { findLicenseByKey, findLicenseById, type TLicenseWithPolicy } from "./find-license";
import { findActiveSeat } from "./find-seat";
import type { TDeactivateInput } from "./schemas";
import { serializeActivation, serializeLicense } from "./serialize";

export async function deactivateSeat(input: TDeactivateInput, ctx: TContext) {
  const license = await findLicenseByKey(input.key);
  if (!license) throw new ApiError("LICENSE_NOT_FOUND", "No license has this key");
  const seat = await findActiveSeat(license.id, input.fingerprint);
  if (!seat) throw new ApiError("ACTIVATION_NOT_FOUND", "This device holds no seat on the license");
  return deactivateActivation(license, seat.id, ctx);
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
    const { count } = await tx.activation.updateMany({
      where: { id: activationId, deactivatedAt: null },
      data: { deactivatedAt: now, deactivatedBy: ctx.actor.type },
    });
    if (count === 0) throw new ApiError("ACTIVATION_NOT_FOUND", "This activation is not active");
    const activation = await tx.activation.findUniqueOrThrow({ where: { id: activationId } });
    await recordEvent(tx, { ...ctx, now }, {
      action: "activation.deactivated",
      licenseId: license.id,
      activationId,
      organizationId: license.organizationId,
      data: { fingerprint: activation.fingerprint, friendlyName: activation.friendlyName },
    });
    return activation;
  }, TX_OPTIONS);
  const used = await countSeatsInUse(db, license.id, now);
  return { activation: serializeActivation(activation, now), license: serializeLicense(license, used, now) };
}
