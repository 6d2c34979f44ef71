import type { OrgUser } from "../generated/prisma/client";

export type TOrgUserStatus = "ACTIVE" | "INVITED" | "DISABLED";

export function orgUserStatus(user: Pick<OrgUser, "disabledAt"> & { hasPassword: boolean }): TOrgUserStatus {
  if (user.disabledAt) return "DISABLED";
  return user.hasPassword ? "ACTIVE" : "INVITED";
}

export function serializeOrgUser(user: Omit<OrgUser, "passwordHash"> & { passwordHash?: string | null; hasPassword?: boolean }) {
  const hasPassword = user.hasPassword ?? Boolean(user.passwordHash);
  return {
    id: user.id,
    organizationId: user.organizationId,
    email: user.email,
    name: user.name,
    role: user.role,
    canManageUsers: user.role === "ORG_ADMIN" && user.canManageUsers,
    canDeactivateSeats: user.role === "ORG_ADMIN" && user.canDeactivateSeats,
    status: orgUserStatus({ disabledAt: user.disabledAt, hasPassword }),
    disabledAt: user.disabledAt?.toISOString() ?? null,
    createdAt: user.createdAt.toISOString(),
  };
}
export type TOrgUserDto = ReturnType<typeof serializeOrgUser>;
