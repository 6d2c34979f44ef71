import type { SeatwiseClient } from "./client";
import { AbortError, SeatwiseClientError, SeatwiseError } from "./errors";
import { sleep } from "./http";
import type { TDeviceInfo, TSeatResult } from "./types";

export type TCheckoutOptions = TDeviceInfo & {
  fingerprint: string;
  /** Stops the loop and releases the lease when aborted. */
  signal?: AbortSignal;
  /** When every seat is taken: wait (per Retry-After) for a free one instead of throwing (default false). */
  waitForSeat?: boolean;
  /** Refresh interval when the server gives no lease end (node-locked seats; default 10 minutes). */
  fallbackIntervalMs?: number;
  /** Wait before retrying a refresh that failed on the network (default 15 s). */
  retryDelayMs?: number;
  onRefresh?: (result: TSeatResult) => void;
  /** The seat is gone (lease ran out and no seat is free, or the license was suspended/expired). */
  onLost?: (error: SeatwiseClientError) => void;
  /** A refresh failed but the lease may still be alive (network trouble); the loop retries. */
  onError?: (error: SeatwiseClientError) => void;
};

export type TLeaseState = "starting" | "active" | "waiting" | "lost" | "stopped";

const DEFAULT_SEAT_WAIT_S = 30;
const MIN_DELAY_MS = 1000;
/** Refusals after which waiting cannot help: the loop ends. */
const FATAL = new Set(["LICENSE_SUSPENDED", "LICENSE_EXPIRED", "LICENSE_NOT_FOUND", "UNAUTHORIZED", "FORBIDDEN", "INVALID_REQUEST"]);

/** A floating seat kept alive by a refresh loop; create it with client.checkout(). */
export class FloatingLease {
  state: TLeaseState = "starting";
  result: TSeatResult | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private readonly controller = new AbortController();
  private inFlight: Promise<unknown> = Promise.resolve();
  private lostNotified = false;
  private stopping: Promise<{ released: boolean; error?: SeatwiseClientError }> | null = null;

  constructor(
    private readonly client: SeatwiseClient,
    private readonly options: TCheckoutOptions,
  ) {
    options.signal?.addEventListener("abort", () => void this.stop(), { once: true });
  }

  get leaseExpiresAt(): Date | null {
    const at = this.result?.activation.leaseExpiresAt;
    return at ? new Date(at) : null;
  }

  /** The first checkout; throws SEAT_LIMIT_REACHED unless waitForSeat. */
  async start(): Promise<void> {
    if (this.options.signal?.aborted) throw new AbortError("Aborted");
    for (;;) {
      try {
        this.accept(await this.client.activate(this.device(), { signal: this.controller.signal }));
        return;
      } catch (error) {
        if (!(this.options.waitForSeat && isSeatLimit(error))) {
          this.state = "stopped";
          throw error;
        }
        this.state = "waiting";
        await sleep(waitMs(error as SeatwiseError), this.controller.signal);
      }
    }
  }

  /** Ends the loop and (by default) releases the seat. Never throws; tells what happened. */
  stop(options: { release?: boolean } = {}): Promise<{ released: boolean; error?: SeatwiseClientError }> {
    this.stopping ??= (async () => {
      const hadSeat = this.state === "active";
      this.state = "stopped";
      if (this.timer) clearTimeout(this.timer);
      this.controller.abort();
      await this.inFlight.catch(() => undefined);
      if (options.release === false || !hadSeat) return { released: false };
      try {
        await this.client.deactivate({ fingerprint: this.options.fingerprint });
        return { released: true };
      } catch (error) {
        if (error instanceof SeatwiseError && (error.code === "ACTIVATION_NOT_FOUND" || error.code === "LEASE_EXPIRED")) return { released: true };
        return { released: false, error: error instanceof SeatwiseClientError ? error : new SeatwiseClientError(String(error)) };
      }
    })();
    return this.stopping;
  }

  private device() {
    const { fingerprint, friendlyName, hostname, platform, appVersion } = this.options;
    return { fingerprint, friendlyName, hostname, platform, appVersion };
  }

  private accept(result: TSeatResult) {
    this.result = result;
    this.state = "active";
    this.lostNotified = false;
    this.options.onRefresh?.(result);
    this.schedule(refreshDelay(result, Date.now(), this.options.fallbackIntervalMs ?? 10 * 60_000));
  }

  private schedule(ms: number) {
    if (this.state === "stopped") return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.inFlight = this.refresh();
    }, Math.max(MIN_DELAY_MS, ms));
  }

  private async refresh(): Promise<void> {
    const signal = this.controller.signal;
    try {
      const result =
        this.state === "active"
          ? await this.client.heartbeat({ fingerprint: this.options.fingerprint }, { signal })
          : await this.client.activate(this.device(), { signal });
      if (this.state !== "stopped") this.accept(result);
    } catch (error) {
      if (this.state === "stopped" || error instanceof AbortError) return;
      const typed = error instanceof SeatwiseClientError ? error : new SeatwiseClientError(String(error));
      if (typed instanceof SeatwiseError && (typed.code === "LEASE_EXPIRED" || typed.code === "ACTIVATION_NOT_FOUND") && this.state === "active") {
        // The lease ran out (e.g. the machine slept): take a new one right away if a seat is free.
        this.state = "waiting";
        return this.refresh();
      }
      if (typed instanceof SeatwiseError && isSeatLimit(typed)) {
        this.lose(typed, "waiting");
        return this.schedule(waitMs(typed));
      }
      if (typed instanceof SeatwiseError && FATAL.has(typed.code)) {
        this.lose(typed, "lost");
        if (this.timer) clearTimeout(this.timer);
        return;
      }
      // Network trouble: the lease may still be alive. Past its end, the app must know it lost the seat.
      this.options.onError?.(typed);
      const expires = this.leaseExpiresAt;
      if (expires && expires.getTime() <= Date.now()) this.lose(typed, "waiting");
      this.schedule(this.options.retryDelayMs ?? 15_000);
    }
  }

  private lose(error: SeatwiseClientError, next: TLeaseState) {
    this.state = next;
    if (this.lostNotified) return;
    this.lostNotified = true;
    this.options.onLost?.(error);
  }
}

function isSeatLimit(error: unknown): error is SeatwiseError {
  return error instanceof SeatwiseError && error.code === "SEAT_LIMIT_REACHED";
}

function waitMs(error: SeatwiseError): number {
  return (error.retryAfter ?? DEFAULT_SEAT_WAIT_S) * 1000;
}

/**
 * When to refresh: the server's refreshBefore when it gives one; otherwise half the remaining
 * lease, but at least 30 s before it ends (Cryptlex's rule of thumb); otherwise the fallback interval.
 */
export function refreshDelay(result: TSeatResult, now: number, fallbackMs: number): number {
  const refreshBefore = result.refreshBefore ?? (result.activation as { refreshBefore?: string | null }).refreshBefore;
  if (refreshBefore) {
    const at = Date.parse(refreshBefore);
    if (!Number.isNaN(at)) return Math.max(MIN_DELAY_MS, at - now);
  }
  const leaseEnd = result.activation.leaseExpiresAt ? Date.parse(result.activation.leaseExpiresAt) : NaN;
  if (!Number.isNaN(leaseEnd)) {
    const remaining = leaseEnd - now;
    return Math.max(MIN_DELAY_MS, Math.min(remaining / 2, remaining - 30_000));
  }
  return fallbackMs;
}
