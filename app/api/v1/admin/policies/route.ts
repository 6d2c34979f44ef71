import { apiRoute, reply } from "@/lib/api/handler";
import { createPolicy } from "@/lib/admin/create-policy";
import { listPolicies } from "@/lib/admin/list-catalog";
import { ZCreatePolicy } from "@/lib/admin/schemas";

export const POST = apiRoute({ auth: "admin", body: ZCreatePolicy }, async ({ body, ctx }) =>
  reply({ policy: await createPolicy(body, ctx) }, 201),
);

export const GET = apiRoute({ auth: "admin" }, async () => {
  const policies = await listPolicies();
  return { policies, total: policies.length };
});
