import "server-only";
import { db } from "../db";
import type { EmailStatus } from "../generated/prisma/client";

export const EMAIL_STATUSES = ["QUEUED", "OUTBOX", "SENT", "FAILED"] as const satisfies readonly EmailStatus[];

/** Every message the app produced, newest first: the outbox when mail isn't configured, a send log when it is. */
export async function listOutbox(options: { status?: EmailStatus; page: number; pageSize: number }) {
  const where = options.status ? { status: options.status } : {};
  const [messages, total] = await Promise.all([
    db.emailMessage.findMany({ where, orderBy: [{ createdAt: "desc" }, { id: "desc" }], skip: (options.page - 1) * options.pageSize, take: options.pageSize }),
    db.emailMessage.count({ where }),
  ]);
  return { messages, total };
}
