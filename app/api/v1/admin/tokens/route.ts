import { ApiError } from "@/lib/api/errors";
import { apiRoute, assertStorableText, reply } from "@/lib/api/handler";
import { authenticateStaffPassword, createApiToken } from "@/lib/auth/api-tokens";
import { recordEvent } from "@/lib/events/record-event";
import { db } from "@/lib/db";
import { ZCreateToken } from "@/lib/admin/schemas";

/** The only admin route that takes a password (HTTP Basic): it exchanges staff credentials for a token. */
export const POST = apiRoute({ auth: "none", rateLimit: "admin-token" }, async ({ req, ctx }) => {
  const match = /^Basic\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "");
  const decoded = match ? Buffer.from(match[1]!, "base64").toString("utf8") : "";
  const sep = decoded.indexOf(":");
  if (sep < 1) throw new ApiError("UNAUTHORIZED", "Send staff credentials as HTTP Basic (email:password)");
  const totp = req.headers.get("x-seatwise-totp");
  const staff = await authenticateStaffPassword(decoded.slice(0, sep), decoded.slice(sep + 1), ctx.ip ?? null, totp);
  const text = await req.text();
  const input = text.trim() ? safeJson(text) : undefined;
  assertStorableText(input);
  const parsed = ZCreateToken.safeParse(input);
  if (!parsed.success) throw new ApiError("INVALID_REQUEST", "name must be a string of at most 100 characters");
  const { token, record } = await createApiToken({ name: parsed.data.name, staffUserId: staff.id });
  await recordEvent(db, { ...ctx, actor: { type: "STAFF", id: staff.id, label: staff.email } }, {
    action: "api_token.created",
    data: { tokenId: record.id, name: record.name },
  });
  return reply({ token, apiToken: { id: record.id, name: record.name, prefix: record.prefix, createdAt: record.createdAt } }, 201);
});

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return Symbol("invalid");
  }
}
