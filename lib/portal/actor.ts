import "server-only";
import { ApiError } from "../api/errors";
import { db } from "../db";
import type { TContext } from "../events/record-event";

/** The signed-in org user, read fresh from the database on every request (never trusted from the cookie). */
export type TOrgActor = {
  userId: string;
  organizationId: string;
  organizationName: string;
  email: string;
  name: string;
  role: "ORG_ADMIN" | "MEMBER";
  canManageUsers: boolean;
  canDeactivateSeats: boolean;
};

export async function loadOrgActor(userId: string): Promise<TOrgActor | null> {
  const user = await db.orgUser.findUnique({ where: { id: userId }, include: { organization: { select: { name: true } } } });
  if (!user || user.disabledAt) return null;
  const admin = user.role === "ORG_ADMIN";
  return {
    userId: user.id,
    organizationId: user.organizationId,
    organizationName: user.organization.name,
    email: user.email,
    name: user.name,
    role: user.role,
    canManageUsers: admin && user.canManageUsers,
    canDeactivateSeats: admin && user.canDeactivateSeats,
  };
}

export function isOrgAdmin(actor: TOrgActor): boolean {
  return actor.role === "ORG_ADMIN";
}

/** Admin-only areas answer 404 to members, so they don't even learn what exists. */
export function assertOrgAdmin(actor: TOrgActor): void {
  if (!isOrgAdmin(actor)) throw new ApiError("NOT_FOUND", "Not found");
}

export function assertCanManageUsers(actor: TOrgActor): void {
  assertOrgAdmin(actor);
  if (!actor.canManageUsers) throw new ApiError("FORBIDDEN", "You don't have permission to manage users");
}

export function actorContext(actor: TOrgActor, ip?: string | null): TContext {
  return { actor: { type: "USER", id: actor.userId, label: actor.email }, ip: ip ?? null };
}
