import type { LicenseModel, LicenseStatus, PolicyKind } from "../generated/prisma/client";

type TRuleLicense = {
  status: LicenseStatus;
  seats: number | null;
  expiresAt: Date | null;
  policy: { seats: number; model: LicenseModel; kind?: PolicyKind };
};

/** The license's own seat count wins over its policy's default; an evaluation always has exactly one seat. */
export function seatLimit(license: TRuleLicense): number {
  if (license.policy.kind === "EVALUATION") return 1;
  return license.seats ?? license.policy.seats;
}

export function isExpired(license: Pick<TRuleLicense, "expiresAt">, now: Date): boolean {
  return license.expiresAt !== null && license.expiresAt.getTime() <= now.getTime();
}

/** Why the license can't be used right now, or null when it can. Suspension outranks expiry. */
export function licenseProblem(license: TRuleLicense, now: Date): "SUSPENDED" | "EXPIRED" | null {
  if (license.status === "SUSPENDED") return "SUSPENDED";
  if (isExpired(license, now)) return "EXPIRED";
  return null;
}
