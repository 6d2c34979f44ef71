import { apiRoute, reply } from "@/lib/api/handler";
import { createOrganization } from "@/lib/admin/create-organization";
import { listOrganizations } from "@/lib/admin/list-catalog";
import { ZCreateOrganization } from "@/lib/admin/schemas";

export const POST = apiRoute({ auth: "admin", body: ZCreateOrganization }, async ({ body, ctx }) =>
  reply({ organization: await createOrganization(body, ctx) }, 201),
);

export const GET = apiRoute({ auth: "admin" }, async () => {
  const organizations = await listOrganizations();
  return { organizations, total: organizations.length };
});
