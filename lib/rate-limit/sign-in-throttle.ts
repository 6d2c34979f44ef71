/**
 * Brute-force protection for every password check (staff console sign-in, the admin token exchange,
 * and the portal's token endpoint): failures count per account and per IP; once either is over its
 * limit, further attempts are refused with RATE_LIMITED before the password is even checked.
 */
import "server-only";
import { RateLimiterRes } from "rate-limiter-flexible";
import { db } from "../db";
import { recordEvent } from "../events/record-event";
import { rateLimitedError, keyId } from "./enforce-rate-limit";
import { limiterFor } from "./limiter-store";
import { limitFor, type TLimit } from "./limits";

export type TSignInScope = "staff" | "api-token" | "portal";

type TTarget = { limit: TLimit; key: string; what: string; subject: Record<string, string> };

function targets(scope: TSignInScope, account: string, ip: string | null): TTarget[] {
  const out: TTarget[] = [];
  const perAccount = limitFor("sign-in-account");
  const perIp = limitFor("sign-in-ip");
  const email = account.trim().toLowerCase();
  if (perAccount) out.push({ limit: perAccount, key: keyId(`${scope}:${email}`), what: "failed sign-ins for this account", subject: { email } });
  if (perIp) out.push({ limit: perIp, key: ip ?? "unknown", what: "failed sign-ins from this address", subject: { ip: ip ?? "unknown" } });
  return out;
}

/** Throws RATE_LIMITED when the account or the IP has used up its failures. Call before checking the password. */
export async function assertSignInAllowed(scope: TSignInScope, account: string, ip: string | null): Promise<void> {
  const found = await Promise.all(
    targets(scope, account, ip).map(async (t) => ({ t, res: await limiterFor(t.limit).get(t.key) })),
  );
  for (const { t, res } of found) {
    if (res && res.consumedPoints >= t.limit.points && res.msBeforeNext > 0) throw rateLimitedError(t.limit, res.msBeforeNext, t.what);
  }
}

/** Counts a failed password check; the failure that starts a burst is recorded as one Event. */
export async function recordSignInFailure(scope: TSignInScope, account: string, ip: string | null): Promise<void> {
  for (const t of targets(scope, account, ip)) {
    let consumed: number;
    try {
      consumed = (await limiterFor(t.limit).consume(t.key)).consumedPoints;
    } catch (rejection) {
      if (!(rejection instanceof RateLimiterRes)) throw rejection;
      consumed = rejection.consumedPoints;
    }
    if (consumed === t.limit.points) {
      await recordEvent(db, { actor: { type: "ANONYMOUS", label: account.slice(0, 320) }, ip }, {
        action: "security.sign_in_throttled",
        data: { scope, ...t.subject, failures: consumed, windowSeconds: t.limit.seconds },
      });
    }
  }
}

/** A successful sign-in clears the account's failures (not the IP's: one good password shouldn't whitewash a scan). */
export async function clearSignInFailures(scope: TSignInScope, account: string): Promise<void> {
  const perAccount = limitFor("sign-in-account");
  if (perAccount) await limiterFor(perAccount).delete(keyId(`${scope}:${account.trim().toLowerCase()}`));
}
