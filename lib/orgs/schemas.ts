import { z } from "zod";

export const ZEmail = z.string().trim().toLowerCase().max(320).pipe(z.email("Enter a valid email address"));
const ZName = z.string().trim().min(1, "Enter a name").max(200);
// Long enough to resist guessing, short enough that argon2 never sees megabytes.
export const ZPassword = z.string().min(10, "Use at least 10 characters").max(200);
export const ZOrgRole = z.enum(["ORG_ADMIN", "MEMBER"]);

export const ZCreateOrgUser = z.object({
  email: ZEmail,
  name: ZName,
  role: ZOrgRole.default("MEMBER"),
  canManageUsers: z.boolean().optional(),
  canDeactivateSeats: z.boolean().optional(),
  password: ZPassword.optional(),
});
export type TCreateOrgUser = z.input<typeof ZCreateOrgUser>;

export const ZUpdateOrgUser = z
  .object({
    email: ZEmail,
    name: ZName,
    role: ZOrgRole,
    canManageUsers: z.boolean(),
    canDeactivateSeats: z.boolean(),
    password: ZPassword,
    disabled: z.boolean(),
  })
  .partial()
  .strict();
export type TUpdateOrgUser = z.infer<typeof ZUpdateOrgUser>;

export const ZListOrgUsers = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
  q: z.string().trim().max(200).optional(),
});
export type TListOrgUsers = z.input<typeof ZListOrgUsers>;

/** DELETE …/users/:userId?freeSeats=true also deactivates the user's seats. */
export const ZRemoveOrgUserQuery = z.object({ freeSeats: z.enum(["true", "false"]).optional() });

export const ZRemoveOrgUser = z.object({ freeSeats: z.boolean().default(false) });

export const ZTokenRequest = z.object({ email: z.string().trim().toLowerCase().max(320), password: z.string().max(1024) });

export const ZAcceptInvitation = z.object({
  token: z.string().min(10).max(200),
  password: ZPassword,
  // Only for open org-admin links, where the recipient chooses their own identity.
  email: ZEmail.optional(),
  name: ZName.optional(),
});
export type TAcceptInvitation = z.infer<typeof ZAcceptInvitation>;

export const ZCreateAdminLink = z.object({
  email: ZEmail.optional(),
  canManageUsers: z.boolean().default(true),
  canDeactivateSeats: z.boolean().default(true),
  expiresInDays: z.number().int().min(1).max(30).default(7),
});
export type TCreateAdminLink = z.input<typeof ZCreateAdminLink>;
