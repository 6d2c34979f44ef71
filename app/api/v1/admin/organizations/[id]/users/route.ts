import { apiRoute, reply } from "@/lib/api/handler";
import { createOrgUser } from "@/lib/orgs/create-org-user";
import { listOrgUsers } from "@/lib/orgs/list-org-users";
import { ZCreateOrgUser, ZListOrgUsers } from "@/lib/orgs/schemas";
import { db } from "@/lib/db";
import { notFound } from "@/lib/api/errors";

/** Vendors provision users from their own systems: with a password no invitation is sent. */
export const POST = apiRoute({ auth: "admin", body: ZCreateOrgUser }, async ({ body, params, ctx }) =>
  reply(await createOrgUser(params.id!, body, ctx), 201),
);

export const GET = apiRoute({ auth: "admin", query: ZListOrgUsers }, async ({ params, query }) => {
  if (!(await db.organization.findUnique({ where: { id: params.id! }, select: { id: true } }))) throw notFound("Organization");
  return listOrgUsers(params.id!, query);
});
