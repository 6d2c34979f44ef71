/**
 * Floating-license arithmetic, free of the database so it is unit-testable.
 *
 * Refresh rule: an app should heartbeat by `refreshBefore`, halfway between now and the lease's end.
 * Right after a checkout or renewal that is half the lease duration away, which leaves the other
 * half for retries when the server is briefly unreachable (and is never closer than 30 s, since
 * leases last at least 60 s).
 */

export const LEASE_EXPIRED_BY = "LEASE_EXPIRED";

type TLeasePolicy = { policy: { model: "NODE_LOCKED" | "FLOATING"; leaseDurationSeconds: number } };

export function isFloating(license: TLeasePolicy): boolean {
  return license.policy.model === "FLOATING";
}

export function leaseEnd(license: TLeasePolicy, now: Date): Date {
  return new Date(now.getTime() + license.policy.leaseDurationSeconds * 1000);
}

/** When the app should renew: halfway to the lease's end; null when there is no live lease. */
export function refreshBefore(leaseExpiresAt: Date | null, now: Date): Date | null {
  if (!leaseExpiresAt) return null;
  const remaining = leaseExpiresAt.getTime() - now.getTime();
  if (remaining <= 0) return null;
  return new Date(now.getTime() + Math.floor(remaining / 2));
}

/**
 * Seconds until enough seats come free for one more holder, rounded up (at least 1), or null when
 * that can't be known (some holders never expire, e.g. seats without a lease).
 * `releases` are the instants each seat-holding row stops counting (null: never by itself).
 */
export function retryAfterSeconds(releases: (Date | null)[], limit: number, now: Date): number | null {
  const mustFree = releases.length - limit + 1;
  if (mustFree <= 0) return 1;
  const timed = releases.filter((d): d is Date => d !== null).map((d) => d.getTime()).sort((a, b) => a - b);
  const at = timed[mustFree - 1];
  if (at === undefined) return null;
  return Math.max(1, Math.ceil((at - now.getTime()) / 1000));
}
