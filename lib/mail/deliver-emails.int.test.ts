import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { uniq } from "@/lib/test/factories";
import { backoffMs, deliverEmails, MAX_ATTEMPTS } from "./deliver-emails";
import { queueEmail } from "./queue-email";

type TCaptured = { method: string; url: string; headers: IncomingMessage["headers"]; body: any };

/** A stand-in for api.resend.com: records each request and answers with the next scripted reply. */
let server: Server;
let baseUrl = "";
const captured: TCaptured[] = [];
let replies: { status: number; body: unknown }[] = [];

beforeAll(async () => {
  server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", () => {
      captured.push({ method: req.method!, url: req.url!, headers: req.headers, body: raw ? JSON.parse(raw) : null });
      const reply = replies.shift() ?? { status: 200, body: { id: `re_${captured.length}` } };
      res.writeHead(reply.status, { "content-type": "application/json" }).end(JSON.stringify(reply.body));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

beforeEach(async () => {
  captured.length = 0;
  replies = [];
  // Each test starts with an empty queue so deliveries are attributable.
  await db.emailMessage.deleteMany();
});

const env = () => ({ RESEND_API_KEY: "re_test_key", RESEND_BASE_URL: baseUrl }) as unknown as NodeJS.ProcessEnv;

async function queue(overrides: Partial<Parameters<typeof queueEmail>[1]> = {}) {
  const dedupeKey = uniq("mail");
  await queueEmail(db, {
    kind: "seat_alert",
    to: "billing@vendor.test",
    from: "Vendor <billing@vendor.test>",
    subject: "Seat alert: Globex",
    html: "<p>Globex used 9 seats</p>",
    text: "Globex used 9 seats",
    dedupeKey,
    ...overrides,
  });
  return db.emailMessage.findUniqueOrThrow({ where: { dedupeKey } });
}

describe("deliverEmails through the Resend SDK", () => {
  it("sends exactly this request and marks the message SENT with the provider id", async () => {
    const message = await queue();
    const report = await deliverEmails({ env: env() });
    expect(report).toMatchObject({ claimed: 1, sent: 1 });
    expect(captured).toHaveLength(1);
    const [request] = captured;
    expect(request).toMatchObject({ method: "POST", url: "/emails" });
    expect(request!.headers.authorization).toBe("Bearer re_test_key");
    expect(request!.headers["content-type"]).toBe("application/json");
    expect(request!.headers["idempotency-key"]).toBe(`seatwise-${message.id}`);
    expect(request!.body).toEqual({
      from: "Vendor <billing@vendor.test>",
      to: ["billing@vendor.test"],
      subject: "Seat alert: Globex",
      html: "<p>Globex used 9 seats</p>",
      text: "Globex used 9 seats",
      tags: [{ name: "seatwise_message", value: message.id }],
    });
    const after = await db.emailMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(after).toMatchObject({ status: "SENT", providerId: "re_1", attempts: 1, lastError: null });
    expect(after.sentAt).not.toBeNull();
    expect(await deliverEmails({ env: env() })).toMatchObject({ claimed: 0 });
  });

  it("retries 5xx and 429 with growing backoff, then gives up as FAILED after the last attempt", async () => {
    const message = await queue();
    let now = new Date();
    replies = [{ status: 500, body: { name: "internal_server_error", message: "boom", statusCode: 500 } }];
    expect(await deliverEmails({ env: env(), now })).toMatchObject({ retried: 1 });
    let row = await db.emailMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(row).toMatchObject({ status: "QUEUED", attempts: 1 });
    expect(row.lastError).toContain("500");
    expect(row.nextAttemptAt.getTime()).toBe(now.getTime() + backoffMs(1));
    // Not due yet: nothing is claimed.
    expect(await deliverEmails({ env: env(), now })).toMatchObject({ claimed: 0 });

    for (let attempt = 2; attempt <= MAX_ATTEMPTS; attempt++) {
      now = new Date(row.nextAttemptAt.getTime());
      replies = [{ status: 429, body: { name: "rate_limit_exceeded", message: "slow down", statusCode: 429 } }];
      await deliverEmails({ env: env(), now });
      row = await db.emailMessage.findUniqueOrThrow({ where: { id: message.id } });
      expect(row.attempts).toBe(attempt);
    }
    expect(row.status).toBe("FAILED");
    expect(row.lastError).toContain("429");
    expect(captured).toHaveLength(MAX_ATTEMPTS);
    expect(backoffMs(2)).toBeGreaterThan(backoffMs(1));
  });

  it("fails at once on a 4xx that waiting won't fix", async () => {
    const message = await queue();
    replies = [{ status: 422, body: { name: "validation_error", message: "Invalid `from` field", statusCode: 422 } }];
    await deliverEmails({ env: env() });
    const row = await db.emailMessage.findUniqueOrThrow({ where: { id: message.id } });
    expect(row).toMatchObject({ status: "FAILED", attempts: 1 });
    expect(row.lastError).toContain("Invalid `from` field");
  });

  it("keeps messages in the outbox when no Resend key is configured", async () => {
    const message = await queue();
    expect(await deliverEmails({ env: {} as unknown as NodeJS.ProcessEnv })).toMatchObject({ outbox: 1 });
    expect(captured).toHaveLength(0);
    expect(await db.emailMessage.findUniqueOrThrow({ where: { id: message.id } })).toMatchObject({ status: "OUTBOX" });
  });

  it("sends each message once when several workers run at the same time", async () => {
    for (let i = 0; i < 12; i++) await queue({ subject: `message ${i}` });
    const reports = await Promise.all(Array.from({ length: 4 }, () => deliverEmails({ env: env(), batchSize: 5 })));
    const more = await deliverEmails({ env: env(), batchSize: 50 });
    expect(reports.reduce((sum, r) => sum + r.sent, 0) + more.sent).toBe(12);
    expect(captured.map((c) => c.body.subject).sort()).toEqual(Array.from({ length: 12 }, (_, i) => `message ${i}`).sort());
    expect(await db.emailMessage.count({ where: { status: "SENT" } })).toBe(12);
  });

  it("queues one message per dedupe key", async () => {
    const dedupeKey = uniq("once");
    const email = { kind: "seat_alert", to: "a@b.test", subject: "s", html: "h", text: "t", dedupeKey };
    expect(await queueEmail(db, email)).toBe(true);
    expect(await queueEmail(db, email)).toBe(false);
    expect(await db.emailMessage.count({ where: { dedupeKey } })).toBe(1);
  });
});
