import "server-only";
import { db } from "../db";
import { sendEmail, type TOutgoing } from "./transport";

export const MAX_ATTEMPTS = 8;
/** How long a claimed message is reserved for the instance sending it; after that another may retry. */
const LEASE_MS = 2 * 60_000;

/** 30 s, 1 min, 2 min … capped at 1 h: eight attempts span about four hours. */
export function backoffMs(attempts: number): number {
  return Math.min(30_000 * 2 ** Math.max(0, attempts - 1), 3_600_000);
}

type TClaimed = TOutgoing & { attempts: number };

export type TDeliveryReport = { claimed: number; sent: number; outbox: number; retried: number; failed: number };

/**
 * One pass of the mail worker. Due QUEUED messages are claimed with SELECT … FOR UPDATE SKIP LOCKED
 * inside one UPDATE that pushes nextAttemptAt a lease ahead and counts the attempt, so several app
 * instances never pick the same message, and no transaction stays open during the network call
 * (PGlite has a single connection that everyone else would wait behind). A crash mid-send leaves the
 * message QUEUED; it is retried when the lease runs out, with the same idempotency key.
 */
export async function deliverEmails(options: { now?: Date; batchSize?: number; env?: NodeJS.ProcessEnv } = {}): Promise<TDeliveryReport> {
  const now = options.now ?? new Date();
  const batch = options.batchSize ?? 20;
  const leaseUntil = new Date(now.getTime() + LEASE_MS);
  const claimed = await db.$queryRaw<TClaimed[]>`
    UPDATE "EmailMessage" SET "attempts" = "attempts" + 1, "nextAttemptAt" = ${leaseUntil}
    WHERE "id" IN (
      SELECT "id" FROM "EmailMessage"
      WHERE "status" = 'QUEUED' AND "nextAttemptAt" <= ${now}
      ORDER BY "nextAttemptAt", "createdAt"
      LIMIT ${batch}
      FOR UPDATE SKIP LOCKED
    )
    RETURNING "id", "from", "to", "subject", "html", "text", "attempts"`;
  const report: TDeliveryReport = { claimed: claimed.length, sent: 0, outbox: 0, retried: 0, failed: 0 };
  for (const message of claimed) {
    let outcome: Awaited<ReturnType<typeof sendEmail>>;
    try {
      outcome = await sendEmail(message, options.env);
    } catch (error) {
      outcome = { kind: "retry", error: error instanceof Error ? error.message : String(error) };
    }
    if (outcome.kind === "sent") {
      report.sent += 1;
      await db.emailMessage.update({
        where: { id: message.id },
        data: { status: "SENT", sentAt: new Date(), providerId: outcome.providerId, lastError: null },
      });
    } else if (outcome.kind === "outbox") {
      report.outbox += 1;
      await db.emailMessage.update({ where: { id: message.id }, data: { status: "OUTBOX", lastError: null } });
    } else if (outcome.kind === "fail" || message.attempts >= MAX_ATTEMPTS) {
      report.failed += 1;
      await db.emailMessage.update({ where: { id: message.id }, data: { status: "FAILED", lastError: outcome.error } });
    } else {
      report.retried += 1;
      await db.emailMessage.update({
        where: { id: message.id },
        data: { lastError: outcome.error, nextAttemptAt: new Date(now.getTime() + backoffMs(message.attempts)) },
      });
    }
  }
  return report;
}
