import "server-only";
import { ApiError } from "../api/errors";
import { db } from "../db";
import type { TContext } from "../events/record-event";
import { deactivateActivationById } from "./deactivate-seat";

/**
 * Releases a lease (or any seat) of the given license at once, on behalf of staff or an org admin.
 * The caller authorizes; this only makes sure the activation belongs to the license it was shown on,
 * so a forged form can't reach another customer's seat.
 */
export async function revokeLease(licenseId: string, activationId: string, ctx: TContext) {
  const activation = await db.activation.findUnique({ where: { id: activationId }, select: { licenseId: true } });
  if (!activation || activation.licenseId !== licenseId) throw new ApiError("ACTIVATION_NOT_FOUND", "This lease does not exist");
  return deactivateActivationById(activationId, ctx);
}
