import "server-only";
import { reclaimExpiredLeases } from "./reclaim-expired-leases";
import { describeErrorForLog, redactSecrets } from "../security/redact";

const DEFAULT_INTERVAL_SECONDS = 60;

/** SEATWISE_LEASE_RECLAIM_INTERVAL_SECONDS: how often the reclaim job runs; 0 turns it off. */
export function reclaimIntervalMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SEATWISE_LEASE_RECLAIM_INTERVAL_SECONDS;
  if (raw === undefined || raw.trim() === "") return DEFAULT_INTERVAL_SECONDS * 1000;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds < 0) {
    console.warn(redactSecrets(`[seatwise] SEATWISE_LEASE_RECLAIM_INTERVAL_SECONDS=${raw} is not a number of seconds; using ${DEFAULT_INTERVAL_SECONDS}`));
    return DEFAULT_INTERVAL_SECONDS * 1000;
  }
  return Math.round(seconds * 1000);
}

const holder = globalThis as unknown as { __seatwiseLeaseReclaimer?: { stop: () => void } };

/**
 * Runs the reclaim job periodically in this server process (called from instrumentation.ts).
 * Runs never overlap within a process; across processes the job itself is safe to run concurrently.
 */
export function startLeaseReclaimer(intervalMs = reclaimIntervalMs()): { stop: () => void } {
  if (holder.__seatwiseLeaseReclaimer) return holder.__seatwiseLeaseReclaimer;
  let timer: NodeJS.Timeout | undefined;
  let stopped = intervalMs <= 0;
  const tick = async () => {
    try {
      const released = await reclaimExpiredLeases();
      if (released > 0) console.log(redactSecrets(`[seatwise] released ${released} expired lease(s)`));
    } catch (error) {
      console.error("[seatwise] lease reclaim failed", describeErrorForLog(error));
    }
    if (!stopped) timer = setTimeout(tick, intervalMs).unref();
  };
  if (!stopped) timer = setTimeout(tick, Math.min(intervalMs, 5_000)).unref();
  const handle = {
    stop: () => {
      stopped = true;
      if (timer) clearTimeout(timer);
      holder.__seatwiseLeaseReclaimer = undefined;
    },
  };
  holder.__seatwiseLeaseReclaimer = handle;
  return handle;
}
