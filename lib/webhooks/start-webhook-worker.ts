import "server-only";
import { deliverWebhooks } from "./deliver-webhooks";
import { describeErrorForLog } from "../security/redact";

const DEFAULT_POLL_MS = 2_000;

/** SEATWISE_WEBHOOK_POLL_MS: how often an idle worker looks for due deliveries; 0 turns the worker off. */
export function webhookPollMs(env: Record<string, string | undefined> = process.env): number {
  const raw = env.SEATWISE_WEBHOOK_POLL_MS;
  const value = raw === undefined || raw.trim() === "" ? DEFAULT_POLL_MS : Number(raw);
  return Number.isFinite(value) && value >= 0 ? value : DEFAULT_POLL_MS;
}

const holder = globalThis as unknown as { __seatwiseWebhookWorker?: { stop: () => Promise<void> } };

/**
 * Runs the delivery worker in this server process (from instrumentation.ts). Passes never overlap in
 * a process; several processes share the queue safely (rows are claimed with SKIP LOCKED). A full
 * batch is followed immediately by the next one, so a backlog drains without waiting for the timer.
 * stop() aborts in-flight requests: their claims lapse and another worker re-sends them.
 */
export function startWebhookWorker(pollMs = webhookPollMs()): { stop: () => Promise<void> } {
  if (holder.__seatwiseWebhookWorker) return holder.__seatwiseWebhookWorker;
  const controller = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | null = null;
  const batch = 10;
  const tick = async () => {
    let full = false;
    try {
      const result = await deliverWebhooks({ limit: batch, signal: controller.signal });
      full = result.claimed === batch;
    } catch (error) {
      if (!controller.signal.aborted) console.error("[seatwise] webhook delivery pass failed", describeErrorForLog(error));
    }
    if (!controller.signal.aborted) timer = setTimeout(run, full ? 0 : pollMs).unref();
  };
  const run = () => {
    running = tick();
  };
  if (pollMs > 0) timer = setTimeout(run, Math.min(pollMs, 1_000)).unref();
  const handle = {
    stop: async () => {
      controller.abort();
      if (timer) clearTimeout(timer);
      await running?.catch(() => {});
      holder.__seatwiseWebhookWorker = undefined;
    },
  };
  holder.__seatwiseWebhookWorker = handle;
  return handle;
}
