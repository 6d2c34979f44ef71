import "server-only";
import { ApiError } from "../api/errors";
import { digestToken, generateToken } from "../crypto/tokens";
import type { TDbOrTx } from "../db";

export type TActionKind = "USER_INVITE" | "ORG_ADMIN_LINK";

export const INVITE_TTL_MS = 7 * 86_400_000;

type TCreateActionToken = {
  kind: TActionKind;
  organizationId: string;
  email?: string | null;
  subjectId?: string | null;
  role?: "ORG_ADMIN" | "MEMBER";
  canManageUsers?: boolean;
  canDeactivateSeats?: boolean;
  expiresAt: Date;
};

/** Creates a single-use link token. The token is returned once; only its digest is stored. */
export async function createActionToken(client: TDbOrTx, input: TCreateActionToken) {
  const token = generateToken("sw_link");
  const record = await client.actionToken.create({
    data: {
      kind: input.kind,
      tokenHash: digestToken(token),
      organizationId: input.organizationId,
      email: input.email ?? null,
      subjectId: input.subjectId ?? null,
      role: input.role ?? null,
      canManageUsers: input.canManageUsers ?? false,
      canDeactivateSeats: input.canDeactivateSeats ?? false,
      expiresAt: input.expiresAt,
    },
  });
  return { token, record };
}

/** The token's record when it can still be used, otherwise null (unknown, used, expired or wrong kind). */
export async function findUsableActionToken(client: TDbOrTx, token: string, now: Date) {
  if (!token.startsWith("sw_link_")) return null;
  const record = await client.actionToken.findUnique({
    where: { tokenHash: digestToken(token) },
    include: { organization: { select: { id: true, name: true } } },
  });
  if (!record || record.usedAt || record.expiresAt <= now) return null;
  if (record.kind !== "USER_INVITE" && record.kind !== "ORG_ADMIN_LINK") return null;
  return record;
}

/** Marks the token used; of two racing uses exactly one wins and the other is refused. */
export async function consumeActionToken(client: TDbOrTx, id: string, now: Date) {
  const { count } = await client.actionToken.updateMany({
    where: { id, usedAt: null, expiresAt: { gt: now } },
    data: { usedAt: now },
  });
  if (count === 0) throw new ApiError("TOKEN_ALREADY_USED", "This link was already used or has expired");
}
