import "server-only";
import type { TDbOrTx } from "../db";
import { effectiveSender, getMailSettings } from "./settings";

export type TEmail = {
  /** Template kind, e.g. "seat_alert", "invitation" (shown in the outbox, used for filtering). */
  kind: string;
  to: string;
  subject: string;
  html: string;
  text: string;
  /** Same key twice queues one message: makes "exactly one email per period" a database guarantee. */
  dedupeKey?: string;
  from?: string;
};

/**
 * Queues an email in the database, in the caller's transaction when given one, so the message exists
 * exactly when the change that caused it committed. A worker delivers queued messages (Resend when
 * RESEND_API_KEY is set, otherwise they stay readable in the console's outbox). Returns false when a
 * message with the same dedupeKey was already queued.
 */
export async function queueEmail(client: TDbOrTx, email: TEmail): Promise<boolean> {
  // The sender configured in the console applies to every email unless the caller picks one.
  const from = email.from ?? effectiveSender(await getMailSettings(client));
  const rows = await client.$executeRaw`
    INSERT INTO "EmailMessage" ("id", "kind", "dedupeKey", "to", "from", "subject", "html", "text", "status", "attempts", "nextAttemptAt", "createdAt")
    VALUES (${crypto.randomUUID()}, ${email.kind}, ${email.dedupeKey ?? null}, ${email.to}, ${from}, ${email.subject}, ${email.html}, ${email.text}, 'QUEUED', 0, now(), now())
    ON CONFLICT ("dedupeKey") DO NOTHING`;
  return rows > 0;
}
