import "server-only";
import { Resend } from "resend";

export type TOutgoing = { id: string; from: string; to: string; subject: string; html: string; text: string };

/** sent: the provider took it; outbox: no provider configured, keep it for the console; retry / fail: it didn't go out. */
export type TSendOutcome =
  | { kind: "sent"; providerId: string | null }
  | { kind: "outbox" }
  | { kind: "retry"; error: string }
  | { kind: "fail"; error: string };

/**
 * Delivers through Resend when RESEND_API_KEY is set (RESEND_BASE_URL points the SDK elsewhere, which
 * the tests use); otherwise the message stays in the console's outbox. Our message id goes along as
 * the Idempotency-Key, so a retry after a lost answer can't send the email twice.
 */
export async function sendEmail(message: TOutgoing, env: NodeJS.ProcessEnv = process.env): Promise<TSendOutcome> {
  const apiKey = env.RESEND_API_KEY;
  if (!apiKey) return { kind: "outbox" };
  const resend = new Resend(apiKey, env.RESEND_BASE_URL ? { baseUrl: env.RESEND_BASE_URL } : undefined);
  const { data, error } = await resend.emails.send(
    { from: message.from, to: [message.to], subject: message.subject, html: message.html, text: message.text, tags: [{ name: "seatwise_message", value: message.id.replace(/[^A-Za-z0-9_-]/g, "_") }] },
    { idempotencyKey: `seatwise-${message.id}` },
  );
  if (!error) return { kind: "sent", providerId: data?.id ?? null };
  const status = (error as { statusCode?: number | null }).statusCode ?? null;
  const description = `${status ?? "network"} ${error.name}: ${error.message}`.slice(0, 1000);
  // 429 and 5xx (and no answer at all) are worth another try; other 4xx won't get better by waiting.
  const transient = status === null || status === 429 || status >= 500;
  return transient ? { kind: "retry", error: description } : { kind: "fail", error: description };
}
