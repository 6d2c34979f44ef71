import type { LicenseModel, PolicyKind } from "../generated/prisma/client";

/** The rule fields of a license and its policy; a license's own value (non-null) overrides the policy's. */
export type TRuleSource = {
  goodwillSeats?: number | null;
  deactivationCooldownHours?: number | null;
  checkInIntervalDays?: number | null;
  entitlements?: string[];
  activationPasswordHash?: string | null;
  policy: {
    model: LicenseModel;
    kind?: PolicyKind;
    goodwillSeats?: number;
    deactivationCooldownHours?: number;
    checkInIntervalDays?: number | null;
    entitlements?: string[];
  };
};

const HOUR_MS = 3_600_000;
const DAY_MS = 86_400_000;

export function isEvaluation(license: TRuleSource): boolean {
  return license.policy.kind === "EVALUATION";
}

/** Soft seats past the limit. Evaluations and floating licenses never have any (leases are exact by design). */
export function goodwillSeats(license: TRuleSource): number {
  if (isEvaluation(license) || license.policy.model === "FLOATING") return 0;
  return Math.max(0, license.goodwillSeats ?? license.policy.goodwillSeats ?? 0);
}

/** Hours a deactivated node-locked seat keeps counting; floating licenses never have a cooldown. */
export function cooldownHours(license: TRuleSource): number {
  if (license.policy.model === "FLOATING") return 0;
  return Math.max(0, license.deactivationCooldownHours ?? license.policy.deactivationCooldownHours ?? 0);
}

export function seatFreedAt(license: TRuleSource, deactivatedAt: Date): Date | null {
  const hours = cooldownHours(license);
  return hours > 0 ? new Date(deactivatedAt.getTime() + hours * HOUR_MS) : null;
}

export function checkInIntervalDays(license: TRuleSource): number | null {
  const days = license.checkInIntervalDays ?? license.policy.checkInIntervalDays ?? null;
  return days && days > 0 ? days : null;
}

/** When a device last seen at `lastSeenAt` must check in by, or null without a check-in rule. */
export function checkInDueAt(license: TRuleSource, lastSeenAt: Date): Date | null {
  const days = checkInIntervalDays(license);
  return days ? new Date(lastSeenAt.getTime() + days * DAY_MS) : null;
}

export function isCheckInOverdue(license: TRuleSource, lastSeenAt: Date, now: Date): boolean {
  const due = checkInDueAt(license, lastSeenAt);
  return due !== null && due.getTime() <= now.getTime();
}

export function licenseEntitlements(license: TRuleSource): string[] {
  return [...new Set([...(license.policy.entitlements ?? []), ...(license.entitlements ?? [])])].sort();
}

/** Requested codes the license does not grant (codes compare case-sensitively, like the stored ones). */
export function missingEntitlements(license: TRuleSource, requested: string[]): string[] {
  const granted = new Set(licenseEntitlements(license));
  return [...new Set(requested)].filter((code) => !granted.has(code));
}

/** Entitlement codes as vendors type them: trimmed, de-duplicated, empty entries dropped. */
export function normalizeEntitlements(codes: string[]): string[] {
  return [...new Set(codes.map((c) => c.trim()).filter(Boolean))].sort();
}
