import "server-only";
import { notifyExpiringLicenses } from "./notify-expiring-licenses";
import { describeErrorForLog, redactSecrets } from "../security/redact";

const DEFAULT_INTERVAL_MS = 15 * 60_000;

const holder = globalThis as unknown as { __seatwiseNotificationJobs?: { stop: () => void } };

/**
 * Runs the expiry-notice job periodically (from instrumentation.ts); SEATWISE_NOTIFY_INTERVAL_MS
 * overrides the 15-minute interval, 0 turns it off. Safe on every instance at once: each notice is
 * claimed in the database.
 */
export function startNotificationJobs(intervalMs = Number(process.env.SEATWISE_NOTIFY_INTERVAL_MS ?? DEFAULT_INTERVAL_MS)): { stop: () => void } {
  if (holder.__seatwiseNotificationJobs) return holder.__seatwiseNotificationJobs;
  let timer: NodeJS.Timeout | undefined;
  let stopped = !(intervalMs > 0);
  const tick = async () => {
    try {
      const result = await notifyExpiringLicenses();
      if (result.expiring + result.expired > 0) {
        console.log(redactSecrets(`[seatwise] expiry notices: ${result.expiring} expiring, ${result.expired} expired, ${result.emails} email(s) queued`));
      }
    } catch (error) {
      console.error("[seatwise] expiry notice job failed", describeErrorForLog(error));
    }
    if (!stopped) timer = setTimeout(tick, intervalMs).unref();
  };
  if (!stopped) timer = setTimeout(tick, Math.min(intervalMs, 10_000)).unref();
  const handle = {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      holder.__seatwiseNotificationJobs = undefined;
    },
  };
  holder.__seatwiseNotificationJobs = handle;
  return handle;
}
