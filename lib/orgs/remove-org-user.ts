import "server-only";
import { ApiError } from "../api/errors";
import { db, TX_OPTIONS } from "../db";
import { recordEvent, type TContext } from "../events/record-event";

/**
 * Deletes the user: their tokens and pending links go with them, so the app stops accepting them at
 * once. Their seats are freed when asked; otherwise the seats stay, no longer tied to a person.
 */
export async function removeOrgUser(organizationId: string, userId: string, options: { freeSeats: boolean }, ctx: TContext) {
  const now = ctx.now ?? new Date();
  return db.$transaction(async (tx) => {
    const user = await tx.orgUser.findFirst({ where: { id: userId, organizationId } });
    if (!user) throw new ApiError("NOT_FOUND", "User not found");
    let freedSeats = 0;
    if (options.freeSeats) {
      const seats = await tx.activation.findMany({ where: { userId: user.id, deactivatedAt: null }, select: { id: true, licenseId: true, fingerprint: true } });
      for (const seat of seats) {
        const { count } = await tx.activation.updateMany({ where: { id: seat.id, deactivatedAt: null }, data: { deactivatedAt: now, deactivatedBy: ctx.actor.type } });
        if (count === 0) continue;
        freedSeats += 1;
        await recordEvent(tx, { ...ctx, now }, {
          action: "activation.deactivated",
          licenseId: seat.licenseId,
          activationId: seat.id,
          organizationId,
          data: { fingerprint: seat.fingerprint, reason: "user_removed", userEmail: user.email },
        });
      }
    }
    await tx.actionToken.deleteMany({ where: { subjectId: user.id } });
    await tx.orgUser.delete({ where: { id: user.id } });
    await recordEvent(tx, { ...ctx, now }, { action: "org_user.removed", organizationId, data: { userId: user.id, email: user.email, freedSeats } });
    return { removed: true, freedSeats };
  }, TX_OPTIONS);
}
