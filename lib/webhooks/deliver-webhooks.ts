import "server-only";
import { request as httpRequest } from "node:http";
import { request as httpsRequest } from "node:https";
import { db as defaultDb, TX_OPTIONS, type TDb, type TTx } from "../db";
import { webhookHeaders } from "./signature";

/**
 * Retry schedule (the Standard Webhooks / Svix one): after a failed attempt n the next attempt waits
 * RETRY_DELAYS_SECONDS[n-1]: 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h. Eight attempts spread over
 * about 27.6 hours; if the eighth fails the delivery is FAILED (and can be resent from the console).
 */
export const RETRY_DELAYS_SECONDS = [5, 5 * 60, 30 * 60, 2 * 3600, 5 * 3600, 10 * 3600, 10 * 3600] as const;
export const MAX_ATTEMPTS = RETRY_DELAYS_SECONDS.length + 1;
export const REQUEST_TIMEOUT_MS = 10_000;
/**
 * A claim is a lease: the attempt is counted and the row pushed this far into the future before the
 * request goes out. If the worker dies mid-request, the row becomes due again after the lease and
 * another worker re-sends it (at least once, never lost). Longer than the request timeout.
 */
export const CLAIM_LEASE_MS = 60_000;
const RESPONSE_BODY_LIMIT = 1_000;

export type TClaimedDelivery = {
  id: string;
  attempts: number;
  payload: { id: string } & Record<string, unknown>;
  url: string;
  secret: string;
  endpointId: string;
};

/**
 * Claims due deliveries in one short transaction: FOR UPDATE SKIP LOCKED lets any number of workers
 * (app instances) share the table without two taking the same row. A delivery is due only when no
 * older delivery for the same endpoint and license is still pending — that keeps one license's events
 * in order even across retries.
 */
export async function claimDueDeliveries(now: Date, limit = 10, client: TDb = defaultDb): Promise<TClaimedDelivery[]> {
  return client.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: string }[]>`
      SELECT d."id" FROM "WebhookDelivery" d
      JOIN "WebhookEndpoint" e ON e."id" = d."endpointId"
      WHERE d."status" = 'PENDING' AND d."nextAttemptAt" <= ${now} AND e."enabled"
        AND NOT EXISTS (
          SELECT 1 FROM "WebhookDelivery" o
          WHERE o."endpointId" = d."endpointId" AND o."orderingKey" = d."orderingKey"
            AND o."status" = 'PENDING' AND o."seq" < d."seq")
      ORDER BY d."nextAttemptAt", d."seq"
      LIMIT ${limit}
      FOR UPDATE OF d SKIP LOCKED`;
    if (due.length === 0) return [];
    const ids = due.map((row) => row.id);
    return markClaimed(tx, ids, now);
  }, TX_OPTIONS);
}

/** Counts the attempt and leases the rows before any request goes out (see CLAIM_LEASE_MS). */
function markClaimed(tx: TTx, ids: string[], now: Date) {
  return tx.$queryRaw<TClaimedDelivery[]>`
    UPDATE "WebhookDelivery" d
    SET "attempts" = d."attempts" + 1, "lastAttemptAt" = ${now}, "nextAttemptAt" = ${new Date(now.getTime() + CLAIM_LEASE_MS)}
    FROM "WebhookEndpoint" e
    WHERE d."id" = ANY(${ids}) AND e."id" = d."endpointId"
    RETURNING d."id", d."attempts", d."payload", d."endpointId", e."url", e."secret"`;
}

type TAttemptResult = { status: number | null; body: string | null; error: string | null; durationMs: number };

async function send(delivery: TClaimedDelivery, signal?: AbortSignal): Promise<TAttemptResult> {
  const body = JSON.stringify(delivery.payload);
  // The header timestamp is the real send time: receivers reject signatures older than a few minutes.
  const timestamp = Math.floor(Date.now() / 1000);
  const started = performance.now();
  const timeout = AbortSignal.timeout(REQUEST_TIMEOUT_MS);
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const headers = webhookHeaders(delivery.secret, delivery.payload.id, timestamp, body);
    const response = await post(delivery.url, headers, body, signal ? AbortSignal.any([signal, timeout]) : timeout);
    return { ...response, error: null, durationMs: elapsed() };
  } catch (error) {
    if (signal?.aborted) throw error;
    const message = timeout.aborted ? `Timed out after ${REQUEST_TIMEOUT_MS / 1000} s` : errorMessage(error);
    return { status: null, body: null, error: message, durationMs: elapsed() };
  }
}

/**
 * One POST on a fresh connection (no shared socket pool: a receiver that restarted, or a proxy that
 * dropped an idle connection, must not cost an attempt). Redirects are not followed, like Svix. The
 * signal bounds the whole exchange, response body included.
 */
function post(url: string, headers: Record<string, string>, body: string, signal: AbortSignal): Promise<{ status: number; body: string }> {
  const target = new URL(url);
  const request = target.protocol === "https:" ? httpsRequest : httpRequest;
  return new Promise((resolve, reject) => {
    const req = request(
      target,
      { method: "POST", agent: false, signal, headers: { ...headers, "content-length": String(Buffer.byteLength(body)) } },
      (res) => {
        const chunks: Buffer[] = [];
        let size = 0;
        res.on("data", (chunk: Buffer) => {
          if (size < RESPONSE_BODY_LIMIT) chunks.push(chunk);
          size += chunk.length;
        });
        res.on("end", () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString("utf8").slice(0, RESPONSE_BODY_LIMIT) }));
        res.on("error", reject);
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

function errorMessage(error: unknown): string {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : "";
  return `${error instanceof Error ? error.message : String(error)}${cause}`.slice(0, 500);
}

export type TDeliveryOutcome = "succeeded" | "retrying" | "failed" | "disabled";

async function record(client: TDb, delivery: TClaimedDelivery, result: TAttemptResult, now: Date): Promise<TDeliveryOutcome> {
  const ok = result.status !== null && result.status >= 200 && result.status < 300;
  const gone = result.status === 410;
  const exhausted = delivery.attempts >= MAX_ATTEMPTS;
  const outcome: TDeliveryOutcome = ok ? "succeeded" : gone ? "disabled" : exhausted ? "failed" : "retrying";
  const lastError = ok ? null : (result.error ?? `HTTP ${result.status}`);
  const nextAttemptAt = outcome === "retrying" ? new Date(now.getTime() + RETRY_DELAYS_SECONDS[delivery.attempts - 1]! * 1000) : now;
  await client.$transaction(async (tx) => {
    // Guarded by the attempt number: a worker that outlived its lease must not overwrite a newer attempt.
    const { count } = await tx.webhookDelivery.updateMany({
      where: { id: delivery.id, attempts: delivery.attempts, status: "PENDING" },
      data: {
        status: ok ? "SUCCEEDED" : outcome === "retrying" ? "PENDING" : "FAILED",
        responseStatus: result.status,
        responseBody: result.body,
        lastError,
        durationMs: result.durationMs,
        nextAttemptAt,
        deliveredAt: ok ? now : null,
      },
    });
    if (count === 1 && gone) {
      await tx.webhookEndpoint.update({
        where: { id: delivery.endpointId },
        data: { enabled: false, disabledReason: `The endpoint answered 410 Gone on ${now.toISOString()}; Seatwise stopped sending to it.` },
      });
    }
  }, TX_OPTIONS);
  return outcome;
}

export type TDeliverOptions = {
  now?: Date;
  limit?: number;
  client?: TDb;
  /** Stops in-flight requests without recording them (shutdown): their claims expire and are re-sent. */
  signal?: AbortSignal;
};

/** One worker pass: claims up to `limit` due deliveries, sends them concurrently, records each outcome. */
export async function deliverWebhooks(options: TDeliverOptions = {}): Promise<Record<TDeliveryOutcome, number> & { claimed: number }> {
  const client = options.client ?? defaultDb;
  const now = options.now ?? new Date();
  const claimed = await claimDueDeliveries(now, options.limit ?? 10, client);
  const totals = { claimed: claimed.length, succeeded: 0, retrying: 0, failed: 0, disabled: 0 };
  await Promise.all(
    claimed.map(async (delivery) => {
      const result = await send(delivery, options.signal);
      totals[await record(client, delivery, result, options.now ?? new Date())] += 1;
    }),
  );
  return totals;
}

/**
 * Sends one delivery now (test ping, manual resend) through the same claim → send → record path,
 * so a worker running at the same moment can't send it too.
 */
export async function deliverOne(id: string, client: TDb = defaultDb) {
  const now = new Date();
  const [claimed] = await client.$transaction(async (tx) => {
    const due = await tx.$queryRaw<{ id: string }[]>`
      SELECT "id" FROM "WebhookDelivery" WHERE "id" = ${id} AND "status" = 'PENDING' FOR UPDATE SKIP LOCKED`;
    return due.length === 0 ? [] : markClaimed(tx, [id], now);
  }, TX_OPTIONS);
  if (claimed) await record(client, claimed, await send(claimed), new Date());
  return client.webhookDelivery.findUniqueOrThrow({ where: { id } });
}
