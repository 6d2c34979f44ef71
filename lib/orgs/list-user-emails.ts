import "server-only";
import { ApiError } from "../api/errors";
import { db } from "../db";

/** Messages queued for one user of the organization, newest first (admin API only). */
export async function listUserEmails(organizationId: string, userId: string) {
  const user = await db.orgUser.findFirst({ where: { id: userId, organizationId }, select: { email: true } });
  if (!user) throw new ApiError("NOT_FOUND", "User not found");
  const emails = await db.emailMessage.findMany({ where: { to: user.email }, orderBy: { createdAt: "desc" }, take: 50 });
  return {
    emails: emails.map((e) => ({ id: e.id, kind: e.kind, to: e.to, subject: e.subject, text: e.text, status: e.status, createdAt: e.createdAt.toISOString() })),
  };
}
