import "server-only";
import { ApiError } from "../api/errors";
import { verifyPassword } from "../crypto/passwords";
import { db } from "../db";
import { findActiveSeat } from "../licensing/find-seat";

/**
 * A license with an activation password refuses new seats without it. A device that already holds a
 * seat re-activates without it (apps re-run activation after an update; the password was proven once).
 * Checked before the seat lock is taken: argon2 costs ~50 ms and must not hold up other activations.
 */
export async function checkActivationPassword(
  licenseId: string,
  fingerprint: string,
  password: string | undefined,
  hasPassword?: boolean,
): Promise<void> {
  // hasPassword: when the license lookup already said (same snapshot), a license without one costs nothing.
  if (hasPassword === false) return;
  // The hash is omitted from license reads by default (OMIT_SECRETS), so it is asked for here only.
  const row = await db.license.findUnique({ where: { id: licenseId }, select: { activationPasswordHash: true } });
  const hash = row?.activationPasswordHash;
  if (!hash) return;
  if (await findActiveSeat(licenseId, fingerprint)) return;
  if (!password || !(await verifyPassword(hash, password))) {
    throw new ApiError(
      "INVALID_ACTIVATION_PASSWORD",
      password ? "The activation password is wrong" : "This license requires an activation password (field activationPassword)",
    );
  }
}
