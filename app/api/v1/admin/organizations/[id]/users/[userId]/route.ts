import { apiRoute } from "@/lib/api/handler";
import { notFound } from "@/lib/api/errors";
import { getOrgUser } from "@/lib/orgs/list-org-users";
import { removeOrgUser } from "@/lib/orgs/remove-org-user";
import { ZRemoveOrgUserQuery, ZUpdateOrgUser } from "@/lib/orgs/schemas";
import { updateOrgUser } from "@/lib/orgs/update-org-user";

export const GET = apiRoute({ auth: "admin" }, async ({ params }) => {
  const user = await getOrgUser(params.id!, params.userId!);
  if (!user) throw notFound("User");
  return { user };
});

export const PATCH = apiRoute({ auth: "admin", body: ZUpdateOrgUser }, async ({ body, params, ctx }) => ({
  user: await updateOrgUser(params.id!, params.userId!, body, ctx),
}));

/** `?freeSeats=true` also deactivates the user's seats. */
export const DELETE = apiRoute({ auth: "admin", query: ZRemoveOrgUserQuery }, ({ params, query, ctx }) =>
  removeOrgUser(params.id!, params.userId!, { freeSeats: query.freeSeats === "true" }, ctx),
);
