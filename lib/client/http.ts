import { AbortError, NetworkError, SeatwiseClientError, SeatwiseError, TimeoutError } from "./errors";

export type TFetch = (input: string, init: RequestInit) => Promise<Response>;

export type TRetryOptions = {
  /** Extra attempts after the first (default 3). */
  retries?: number;
  /** First backoff delay; doubles each attempt, with full jitter (default 500 ms). */
  baseDelayMs?: number;
  /** Upper bound of one backoff delay (default 10 s). */
  maxDelayMs?: number;
  /** A Retry-After longer than this is not waited for: the error is thrown instead (default 60 s). */
  maxRetryAfterMs?: number;
};

export type TTransportOptions = TRetryOptions & {
  baseUrl: string;
  /** Per-attempt timeout (default 10 s). */
  timeoutMs?: number;
  fetch?: TFetch;
  /** Injected in tests so backoff can be asserted without waiting. */
  sleep?: (ms: number, signal?: AbortSignal) => Promise<void>;
  random?: () => number;
  userAgent?: string;
};

export type TRawResponse = {
  status: number;
  headers: Headers;
  /** The exact body bytes, kept for signature verification. */
  bytes: Uint8Array;
  json: unknown;
};

export type TRequest = {
  method: "GET" | "POST" | "DELETE" | "PATCH";
  path: string;
  body?: unknown;
  headers?: Record<string, string>;
  signal?: AbortSignal;
  /** Set false for calls that must not repeat (none of the client API today). */
  retry?: boolean;
};

export function sleep(ms: number, signal?: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    if (signal?.aborted) return reject(new AbortError("Aborted"));
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, ms);
    const onAbort = () => {
      clearTimeout(timer);
      reject(new AbortError("Aborted"));
    };
    signal?.addEventListener("abort", onAbort, { once: true });
  });
}

/** Parses Retry-After (delta seconds or HTTP date) into seconds; null when absent or unreadable. */
export function parseRetryAfter(value: string | null, now = Date.now()): number | null {
  if (!value) return null;
  if (/^\d+$/.test(value.trim())) return Number(value.trim());
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.ceil((at - now) / 1000));
}

export class Transport {
  private readonly options: Required<Omit<TTransportOptions, "userAgent">> & { userAgent?: string };

  constructor(options: TTransportOptions) {
    this.options = {
      retries: 3,
      baseDelayMs: 500,
      maxDelayMs: 10_000,
      maxRetryAfterMs: 60_000,
      timeoutMs: 10_000,
      fetch: (input, init) => globalThis.fetch(input, init),
      sleep,
      random: Math.random,
      ...options,
      baseUrl: options.baseUrl.replace(/\/+$/, ""),
    };
  }

  get baseUrl() {
    return this.options.baseUrl;
  }

  /** Sends with timeout and retries; resolves with any 2xx, throws a typed error otherwise. */
  async send(request: TRequest): Promise<TRawResponse> {
    const { retries, baseDelayMs, maxDelayMs, maxRetryAfterMs } = this.options;
    const maxAttempts = request.retry === false ? 1 : retries + 1;
    for (let attempt = 1; ; attempt++) {
      let error: SeatwiseClientError;
      try {
        const response = await this.attempt(request);
        if (response.status >= 200 && response.status < 300) return response;
        error = toSeatwiseError(response);
      } catch (caught) {
        if (!(caught instanceof SeatwiseClientError)) throw caught;
        error = caught;
      }
      if (!isRetryable(error) || attempt >= maxAttempts) throw error;
      let delay = Math.min(maxDelayMs, baseDelayMs * 2 ** (attempt - 1)) * this.options.random();
      if (error instanceof SeatwiseError && error.retryAfter !== null) {
        if (error.retryAfter * 1000 > maxRetryAfterMs) throw error;
        delay = Math.max(delay, error.retryAfter * 1000);
      }
      await this.options.sleep(Math.round(delay), request.signal);
    }
  }

  private async attempt(request: TRequest): Promise<TRawResponse> {
    if (request.signal?.aborted) throw new AbortError("Aborted");
    const controller = new AbortController();
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      controller.abort();
    }, this.options.timeoutMs);
    const onAbort = () => controller.abort();
    request.signal?.addEventListener("abort", onAbort, { once: true });
    try {
      const headers: Record<string, string> = { accept: "application/json", ...request.headers };
      if (request.body !== undefined) headers["content-type"] = "application/json";
      if (this.options.userAgent) headers["user-agent"] = this.options.userAgent;
      const response = await this.options.fetch(this.options.baseUrl + request.path, {
        method: request.method,
        headers,
        body: request.body === undefined ? undefined : JSON.stringify(request.body),
        signal: controller.signal,
      });
      const bytes = new Uint8Array(await response.arrayBuffer());
      return { status: response.status, headers: response.headers, bytes, json: parseJson(bytes) };
    } catch (error) {
      if (error instanceof SeatwiseClientError) throw error;
      if (timedOut) throw new TimeoutError(`No answer from ${this.options.baseUrl} within ${this.options.timeoutMs} ms`);
      if (request.signal?.aborted) throw new AbortError("Aborted");
      throw new NetworkError(`Could not reach ${this.options.baseUrl}: ${describe(error)}`, { cause: error });
    } finally {
      clearTimeout(timer);
      request.signal?.removeEventListener("abort", onAbort);
    }
  }
}

function isRetryable(error: SeatwiseClientError): boolean {
  if (error instanceof NetworkError || error instanceof TimeoutError) return true;
  return error instanceof SeatwiseError && (error.status >= 500 || error.status === 429);
}

function parseJson(bytes: Uint8Array): unknown {
  if (bytes.length === 0) return undefined;
  try {
    return JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    return undefined;
  }
}

export function toSeatwiseError(response: TRawResponse): SeatwiseError {
  const body = response.json as { error?: { code?: unknown; message?: unknown; retryAfter?: unknown } } | undefined;
  const fromHeader = parseRetryAfter(response.headers.get("retry-after"));
  const err = body && typeof body === "object" ? body.error : undefined;
  if (err && typeof err.code === "string") {
    const { code, message, ...details } = err as Record<string, unknown>;
    const retryAfter = fromHeader ?? (typeof err.retryAfter === "number" ? err.retryAfter : null);
    return new SeatwiseError(code as string, typeof message === "string" ? message : String(code), response.status, { retryAfter, details });
  }
  // Not a Seatwise error body: e.g. an HTML page from a proxy or load balancer.
  const code = response.status >= 500 ? "INTERNAL_ERROR" : response.status === 429 ? "RATE_LIMITED" : "UNEXPECTED_RESPONSE";
  return new SeatwiseError(code, `Unexpected HTTP ${response.status} answer from the license server`, response.status, { retryAfter: fromHeader });
}

function describe(error: unknown): string {
  if (error instanceof Error) {
    const cause = (error as { cause?: { code?: string; message?: string } }).cause;
    return cause?.code ?? cause?.message ?? error.message;
  }
  return String(error);
}
