import "server-only";
import { deliverEmails } from "./deliver-emails";
import { describeErrorForLog } from "../security/redact";

const holder = globalThis as unknown as { __seatwiseMailWorker?: NodeJS.Timeout };

/**
 * Runs the delivery pass on an interval inside the Next.js server process (started from
 * instrumentation.ts). In-process keeps self-hosting to one command and one process; the queue lives
 * in the database and claims use SKIP LOCKED, so running several app instances, each with its own
 * worker, is safe. SEATWISE_MAIL_WORKER=off disables it (e.g. when a separate process delivers).
 */
export function startMailWorker(intervalMs = Number(process.env.SEATWISE_MAIL_INTERVAL_MS || 5_000)): void {
  if (holder.__seatwiseMailWorker || process.env.SEATWISE_MAIL_WORKER === "off") return;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      // Drain while full batches come back, so a burst doesn't wait several intervals.
      while ((await deliverEmails()).claimed === 20) {}
    } catch (error) {
      console.error("[mail] delivery pass failed", describeErrorForLog(error));
    } finally {
      running = false;
    }
  };
  holder.__seatwiseMailWorker = setInterval(tick, intervalMs);
  holder.__seatwiseMailWorker.unref();
  void tick();
}
