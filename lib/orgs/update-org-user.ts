import "server-only";
import { ApiError } from "../api/errors";
import { hashPassword } from "../crypto/passwords";
import { db, TX_OPTIONS } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import { assertEmailFree } from "./create-org-user";
import { ZUpdateOrgUser, type TUpdateOrgUser } from "./schemas";
import { serializeOrgUser } from "./serialize";

/** Changes a user of the organization; disabling revokes every token the user holds. */
export async function updateOrgUser(organizationId: string, userId: string, rawInput: TUpdateOrgUser, ctx: TContext) {
  const input = ZUpdateOrgUser.parse(rawInput);
  const now = ctx.now ?? new Date();
  const passwordHash = input.password ? await hashPassword(input.password) : undefined;
  return db.$transaction(async (tx) => {
    const user = await tx.orgUser.findFirst({ where: { id: userId, organizationId } });
    if (!user) throw new ApiError("NOT_FOUND", "User not found");
    if (input.email && input.email !== user.email) await assertEmailFree(tx, input.email, user.id);
    const role = input.role ?? user.role;
    const admin = role === "ORG_ADMIN";
    const updated = await tx.orgUser.update({
      where: { id: user.id },
      omit: { passwordHash: false },
      data: {
        email: input.email,
        name: input.name,
        role,
        // A member never keeps admin permissions, so promoting later starts from an explicit choice.
        canManageUsers: admin ? (input.canManageUsers ?? user.canManageUsers) : false,
        canDeactivateSeats: admin ? (input.canDeactivateSeats ?? user.canDeactivateSeats) : false,
        ...(passwordHash ? { passwordHash } : {}),
        ...(input.disabled === undefined ? {} : { disabledAt: input.disabled ? (user.disabledAt ?? now) : null }),
      },
    });
    if (input.disabled || passwordHash) {
      await tx.userToken.updateMany({ where: { userId: user.id, revokedAt: null }, data: { revokedAt: now } });
    }
    if (input.disabled) {
      await tx.actionToken.updateMany({ where: { subjectId: user.id, usedAt: null }, data: { expiresAt: now } });
    }
    const changed = Object.keys(input).filter((k) => k !== "password");
    await recordEvent(tx, { ...ctx, now }, {
      action: input.disabled ? "org_user.disabled" : "org_user.updated",
      organizationId,
      data: { userId: user.id, email: updated.email, changed, passwordChanged: Boolean(passwordHash) },
    });
    const { passwordHash: hash, ...rest } = updated;
    return serializeOrgUser({ ...rest, hasPassword: Boolean(hash) });
  }, TX_OPTIONS);
}
