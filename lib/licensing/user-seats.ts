import "server-only";
import { ApiError } from "../api/errors";
import { db } from "../db";
import type { TContext } from "../events/record-event";
import type { TUserPrincipal } from "../orgs/user-tokens";
import { activateLicenseSeat } from "./activate-seat";
import { deactivateActivation } from "./deactivate-seat";
import { findLicenseById, type TLicenseWithPolicy } from "./find-license";
import { findActiveSeat } from "./find-seat";
import { heartbeatLicenseSeat } from "./heartbeat-seat";
import type { TUserActivateInput, TUserDeactivateInput, TUserHeartbeatInput, TUserValidateInput } from "./schemas";
import { seatCountsByLicense } from "./seat-counts";
import { serializeActivation, serializeLicense } from "./serialize";
import { validateLicenseSeat } from "./validate-seat";

/** A license of the user's own organization; any other id answers exactly like an unknown one. */
async function userLicense(user: TUserPrincipal, licenseId: string): Promise<TLicenseWithPolicy> {
  const license = await findLicenseById(licenseId);
  if (!license || license.organizationId !== user.organizationId) throw new ApiError("LICENSE_NOT_FOUND", "No license with this id");
  return license;
}

export async function activateUserSeat(user: TUserPrincipal, input: TUserActivateInput, ctx: TContext) {
  const { licenseId, ...device } = input;
  return activateLicenseSeat(await userLicense(user, licenseId), device, ctx, { userId: user.userId });
}

export async function validateUserSeat(user: TUserPrincipal, input: TUserValidateInput, ctx: TContext) {
  return validateLicenseSeat(await userLicense(user, input.licenseId), input.fingerprint, ctx, input.nonce, { userId: user.userId, entitlements: input.entitlements });
}

export async function heartbeatUserSeat(user: TUserPrincipal, input: TUserHeartbeatInput, ctx: TContext) {
  const { licenseId, ...rest } = input;
  return heartbeatLicenseSeat(await userLicense(user, licenseId), rest, ctx, { userId: user.userId });
}

/** Users free only their own seats: another user's device on the same license answers 404. */
export async function deactivateUserSeat(user: TUserPrincipal, input: TUserDeactivateInput, ctx: TContext) {
  const license = await userLicense(user, input.licenseId);
  const seat = await findActiveSeat(license.id, input.fingerprint, db, user.userId);
  if (!seat) throw new ApiError("ACTIVATION_NOT_FOUND", "You hold no seat for this device on the license");
  return deactivateActivation(license, seat, ctx);
}

/** GET /me/licenses: the organization's licenses, and which seats on them are the user's. */
export async function listUserLicenses(user: TUserPrincipal, now = new Date()) {
  const licenses = await db.license.findMany({
    where: { organizationId: user.organizationId },
    include: { policy: { include: { product: true } }, organization: true },
    orderBy: { createdAt: "asc" },
  });
  const counts = await seatCountsByLicense(licenses.map((l) => l.id), now);
  const mine = await db.activation.findMany({
    where: { userId: user.userId, deactivatedAt: null, licenseId: { in: licenses.map((l) => l.id) } },
    orderBy: { createdAt: "asc" },
  });
  return {
    licenses: licenses.map((license) => ({
      ...serializeLicense(license, counts.get(license.id) ?? 0, now),
      maxActivationsPerUser: license.policy.maxActivationsPerUser,
      myActivations: mine.filter((a) => a.licenseId === license.id).map((a) => serializeActivation(a, now)),
    })),
  };
}
