import "server-only";
import { ApiError } from "../api/errors";
import { createApiToken } from "../auth/api-tokens";
import { db } from "../db";
import { recordEvent, type TContext } from "../events/record-event";

const DAY_MS = 86_400_000;

/** Console-created tokens act as the staff member who made them (and with their role). */
export async function issueApiToken(input: { name: string; expiresInDays: number | null }, staffUserId: string, ctx: TContext) {
  const now = ctx.now ?? new Date();
  const expiresAt = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * DAY_MS) : null;
  const { token, record } = await createApiToken({ name: input.name, staffUserId, expiresAt });
  await recordEvent(db, ctx, { action: "api_token.created", data: { tokenId: record.id, name: record.name, prefix: record.prefix } });
  return { token, id: record.id };
}

export async function revokeApiToken(id: string, ctx: TContext) {
  const now = ctx.now ?? new Date();
  const { count } = await db.apiToken.updateMany({ where: { id, revokedAt: null }, data: { revokedAt: now } });
  if (count === 0) throw new ApiError("NOT_FOUND", "This token does not exist or is already revoked");
  await recordEvent(db, ctx, { action: "api_token.revoked", data: { tokenId: id } });
}

export async function listApiTokens(now = new Date()) {
  const tokens = await db.apiToken.findMany({
    orderBy: [{ revokedAt: { sort: "desc", nulls: "first" } }, { createdAt: "desc" }],
    include: { staffUser: { select: { name: true, email: true } } },
  });
  return tokens.map((t) => ({
    id: t.id,
    name: t.name,
    prefix: t.prefix,
    owner: t.staffUser ? `${t.staffUser.name} (${t.staffUser.email})` : null,
    createdAt: t.createdAt.toISOString(),
    lastUsedAt: t.lastUsedAt?.toISOString() ?? null,
    expiresAt: t.expiresAt?.toISOString() ?? null,
    status: t.revokedAt ? "REVOKED" : t.expiresAt && t.expiresAt <= now ? "EXPIRED" : "ACTIVE",
  }));
}

export type TApiTokenRow = Awaited<ReturnType<typeof listApiTokens>>[number];
