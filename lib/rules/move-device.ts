import "server-only";
import type { TTx } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import { Prisma } from "../generated/prisma/client";

export const MOVED_BY = "MOVED";

export type TMoveLicense = { id: string; organizationId: string | null; policy: { productId: string } };
export type TMovableSeat = { id: string; licenseId: string; friendlyName: string | null };

/**
 * A device activating a license of a product while holding a seat on another license of the same
 * product and organization moves: its old seat is freed at once (no cooldown: it is the same machine)
 * and the move is logged on the old license. Licenses without an organization never move devices.
 *
 * This is the read, as a JSON array expression: the activation's insert statement runs it beside the
 * insert (lib/licensing/insert-seat.ts), so the usual case, nothing to move, costs no round trip.
 */
export function movableSeatsSql(license: TMoveLicense, fingerprint: string): Prisma.Sql {
  if (!license.organizationId) return Prisma.sql`'[]'::json`;
  return Prisma.sql`(SELECT coalesce(json_agg(json_build_object('id', a."id", 'licenseId', a."licenseId", 'friendlyName', a."friendlyName")), '[]'::json)
    FROM "Activation" a JOIN "License" l ON l."id" = a."licenseId" JOIN "Policy" p ON p."id" = l."policyId"
    WHERE a."fingerprint" = ${fingerprint} AND a."deactivatedAt" IS NULL AND a."licenseId" <> ${license.id}
      AND l."organizationId" = ${license.organizationId} AND p."productId" = ${license.policy.productId})`;
}

/**
 * Frees the seats movableSeatsSql found, in the activation's transaction, so a refused activation
 * leaves the old seats untouched. A seat freed meanwhile by someone else is skipped.
 */
export async function moveDeviceSeats(tx: TTx, license: TMoveLicense, seats: TMovableSeat[], fingerprint: string, newActivationId: string, ctx: TContext): Promise<number> {
  const now = ctx.now ?? new Date();
  let moved = 0;
  for (const seat of seats) {
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
