import { apiRoute, reply } from "@/lib/api/handler";
import { notFound } from "@/lib/api/errors";
import { createAdminLink, listPendingInvitations } from "@/lib/orgs/admin-links";
import { ZCreateAdminLink } from "@/lib/orgs/schemas";
import { db } from "@/lib/db";

/** An org-admin sign-up link; its URL is in this answer only. */
export const POST = apiRoute({ auth: "admin", body: ZCreateAdminLink }, async ({ body, params, ctx }) =>
  reply({ link: await createAdminLink(params.id!, body, ctx) }, 201),
);

export const GET = apiRoute({ auth: "admin" }, async ({ params }) => {
  if (!(await db.organization.findUnique({ where: { id: params.id! }, select: { id: true } }))) throw notFound("Organization");
  return { invitations: await listPendingInvitations(params.id!) };
});
