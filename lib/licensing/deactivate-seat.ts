import "server-only";
import { ApiError } from "../api/errors";
import { normalizeLicenseKey } from "../crypto/tokens";
import { db } from "../db";
import type { TContext } from "../events/record-event";
import { findLicenseById, type TLicenseWithPolicy } from "./find-license";
import { countCacheHit, peekLicense } from "./license-cache";
import { lookUpSeat, lookUpSeatAhead, type TSeatLookupAhead } from "./look-up-seat";
import { freeSeat, type TFree, type TSeatToFree } from "./free-seat";
import { STALE } from "./take-quick-seat";
import { ZDeactivateInput, type TDeactivateInput } from "./schemas";
import { seatFreedAt } from "../rules/rule-settings";
import { serializeActivation, serializeLicense } from "./serialize";

export async function deactivateSeat(input: TDeactivateInput, ctx: TContext, ahead?: TSeatLookupAhead) {
  const quick = await deactivateCachedSeat(input, ctx);
  if (quick) return quick;
  const found = await lookUpSeat(input, ctx.now, ahead).found;
  if (!found) throw new ApiError("LICENSE_NOT_FOUND", "No license has this key");
  // The lookup also returns a lease that ran out; only a seat still active can be released.
  const seat = found.activation?.deactivatedAt === null ? found.activation : null;
  if (!seat) throw new ApiError("ACTIVATION_NOT_FOUND", "This device holds no seat on the license");
  return deactivateActivation(found.license, seat, ctx);
}

/**
 * The lookup deactivateSeat will need, for the route's readAhead: none when this instance has the
 * license cached, since the free statement then finds the seat itself (deactivateCachedSeat).
 */
export function lookUpDeactivationAhead(body: unknown): TSeatLookupAhead | undefined {
  const input = ZDeactivateInput.safeParse(body);
  const key = input.success ? normalizeLicenseKey(input.data.key) : null;
  return key && peekLicense(key) ? undefined : lookUpSeatAhead(body);
}

/**
 * The usual deactivation in one round trip: when this instance has the license cached, the free
 * statement itself finds the device's seat and checks that the license rows still have the cached
 * digest, instead of a lookup first. Whatever the license's state, as on the lookup path. Null when
 * the license is not cached or has changed: nothing was written, and the caller looks it up.
 */
async function deactivateCachedSeat(input: TDeactivateInput, ctx: TContext) {
  const key = normalizeLicenseKey(input.key);
  const entry = key ? peekLicense(key) : undefined;
  if (!key || !entry) return null;
  const freed = await free(entry.license, { fingerprint: input.fingerprint }, ctx, { key, digest: entry.digest });
  if (freed === STALE) return null;
  countCacheHit();
  if (!freed.answer) throw new ApiError("ACTIVATION_NOT_FOUND", "This device holds no seat on the license");
  return freed.answer;
}

/** Deactivation is allowed whatever the license's state: freeing a seat must never need support. */
export async function deactivateActivationById(activationId: string, ctx: TContext) {
  const seat = await db.activation.findUnique({ where: { id: activationId }, select: { id: true, licenseId: true, fingerprint: true, friendlyName: true } });
  const license = seat && (await findLicenseById(seat.licenseId));
  if (!license) throw new ApiError("ACTIVATION_NOT_FOUND", "Activation not found");
  return deactivateActivation(license, seat, ctx);
}

/** Frees the seat, logs it and counts the seats still in use, in one statement (free-seat.ts). */
export async function deactivateActivation(license: TLicenseWithPolicy, seat: TSeatToFree, ctx: TContext) {
  const freed = await free(license, seat, ctx);
  if (freed === STALE || !freed.answer) throw new ApiError("ACTIVATION_NOT_FOUND", "This activation is not active");
  return freed.answer;
}

async function free(license: TLicenseWithPolicy, seat: TFree["seat"], ctx: TContext, verify?: TFree["verify"]) {
  const now = ctx.now ?? new Date();
  // The cooldown binds the customer (device or portal user); vendor staff free a seat at once.
  const freedAt = customerActor(ctx) ? seatFreedAt(license, now) : null;
  const freed = await freeSeat({ seat, licenseId: license.id, organizationId: license.organizationId, freedAt, ctx: { ...ctx, now }, verify });
  if (freed === STALE) return STALE;
  if (!freed) return { answer: null };
  const { activation, used } = freed;
  return {
    answer: {
      activation: serializeActivation(activation, now),
      license: serializeLicense(license, used, now),
      // When the seat stops counting: now, or the end of the node-locked deactivation cooldown.
      seatFreedAt: (activation.seatFreedAt ?? now).toISOString(),
    },
  };
}

function customerActor(ctx: TContext): boolean {
  return ctx.actor.type === "LICENSE_KEY" || ctx.actor.type === "USER" || ctx.actor.type === "ANONYMOUS";
}
