import "server-only";
import type { TTx } from "../db";
import { recordEvent, type TContext } from "../events/record-event";

export const MOVED_BY = "MOVED";

type TMoveLicense = { id: string; organizationId: string | null; policy: { productId: string } };

/**
 * A device activating a license of a product while holding a seat on another license of the same
 * product and organization moves: its old seat is freed at once (no cooldown: it is the same machine)
 * and the move is logged on the old license. Runs in the activation's transaction, so a refused
 * activation leaves the old seat untouched. Licenses without an organization never move devices.
 */
export async function moveDeviceSeats(tx: TTx, license: TMoveLicense, fingerprint: string, newActivationId: string, ctx: TContext): Promise<number> {
  if (!license.organizationId) return 0;
  const now = ctx.now ?? new Date();
  const old = await tx.activation.findMany({
    where: {
      fingerprint,
      deactivatedAt: null,
      licenseId: { not: license.id },
      license: { organizationId: license.organizationId, policy: { productId: license.policy.productId } },
    },
    select: { id: true, licenseId: true, friendlyName: true },
  });
  let moved = 0;
  for (const seat of old) {
    const { count } = await tx.activation.updateMany({
      where: { id: seat.id, deactivatedAt: null },
      data: { deactivatedAt: now, deactivatedBy: MOVED_BY, seatFreedAt: null },
    });
    if (count === 0) continue;
    moved++;
    await recordEvent(tx, { ...ctx, now }, {
      action: "activation.moved",
      licenseId: seat.licenseId,
      activationId: seat.id,
      organizationId: license.organizationId,
      data: { fingerprint, friendlyName: seat.friendlyName, toLicenseId: license.id, toActivationId: newActivationId },
    });
  }
  return moved;
}
