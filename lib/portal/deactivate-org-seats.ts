import "server-only";
import { ApiError } from "../api/errors";
import { db } from "../db";
import { deactivateActivation } from "../licensing/deactivate-seat";
import { findLicenseById } from "../licensing/find-license";
import { actorContext, isOrgAdmin, type TOrgActor } from "./actor";

export const MAX_BULK = 200;

/**
 * Frees seats from the portal. Admins need canDeactivateSeats; members may free only their own seats.
 * Every id must be visible to the actor, otherwise nothing happens and the answer is 404.
 */
export async function deactivateOrgSeats(actor: TOrgActor, ids: string[], ip?: string | null) {
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw new ApiError("INVALID_REQUEST", "Select at least one seat");
  if (unique.length > MAX_BULK) throw new ApiError("INVALID_REQUEST", `Deactivate at most ${MAX_BULK} seats at a time`);
  const admin = isOrgAdmin(actor);
  const seats = await db.activation.findMany({
    where: { id: { in: unique }, license: { organizationId: actor.organizationId }, ...(admin ? {} : { userId: actor.userId }) },
    select: { id: true, licenseId: true, userId: true, deactivatedAt: true, fingerprint: true, friendlyName: true },
  });
  if (seats.length !== unique.length) throw new ApiError("ACTIVATION_NOT_FOUND", "Activation not found");
  const othersSeats = seats.some((s) => s.userId !== actor.userId);
  if (othersSeats && !actor.canDeactivateSeats) throw new ApiError("FORBIDDEN", "You don't have permission to deactivate seats");
  const ctx = actorContext(actor, ip);
  let deactivated = 0;
  for (const seat of seats) {
    if (seat.deactivatedAt) continue;
    const license = await findLicenseById(seat.licenseId);
    try {
      await deactivateActivation(license!, seat, ctx);
      deactivated += 1;
    } catch (error) {
      // Someone else freed it meanwhile: the goal (a free seat) is reached either way.
      if (!(error instanceof ApiError && error.code === "ACTIVATION_NOT_FOUND")) throw error;
    }
  }
  return { deactivated };
}
