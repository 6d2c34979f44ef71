import "server-only";
import { findLicenseSeatAndCount } from "./find-seat";
import { ZValidateInput } from "./schemas";

type TFound = Awaited<ReturnType<typeof findLicenseSeatAndCount>>;

/**
 * The key-and-device lookup of validate, deactivation and license-file issue, started by apiRoute's
 * `readAhead` before the rate limit has admitted the request. It only reads, so it can run beside the
 * rate-limit counters instead of after them: both join their event-loop turn's shared statements, and
 * a rate-limited client call waits for one round trip instead of two. The handler still runs only once
 * the request is admitted; a refused request's lookup is dropped.
 */
export type TSeatLookupAhead = { key: string; fingerprint: string | undefined; now: Date; found: Promise<TFound> };

/** Starts the lookup for a request body that names a key (and maybe a device); undefined for any other body. */
export function lookUpSeatAhead(body: unknown): TSeatLookupAhead | undefined {
  const input = ZValidateInput.safeParse(body);
  if (!input.success) return undefined;
  const { key, fingerprint } = input.data;
  const now = new Date();
  const found = findLicenseSeatAndCount(key, fingerprint, now);
  // Awaited by the handler, or dropped when the request is refused: never an unhandled rejection.
  found.catch(() => undefined);
  return { key, fingerprint, now, found };
}

/**
 * The lookup for `input`: the one started ahead when it is for the same key and device (and the caller
 * did not fix the time, as tests do), else a fresh one. `now` is the instant the lookup counted at.
 */
export function lookUpSeat(input: { key: string; fingerprint?: string }, ctxNow: Date | undefined, ahead?: TSeatLookupAhead) {
  if (ahead && !ctxNow && ahead.key === input.key && ahead.fingerprint === input.fingerprint) return { now: ahead.now, found: ahead.found };
  const now = ctxNow ?? new Date();
  return { now, found: findLicenseSeatAndCount(input.key, input.fingerprint, now) };
}
