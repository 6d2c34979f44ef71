import { apiRoute } from "@/lib/api/handler";
import { ZUpdatePolicy } from "@/lib/admin/schemas";
import { updatePolicy } from "@/lib/admin/update-policy";

export const PATCH = apiRoute({ auth: "admin", body: ZUpdatePolicy }, async ({ params, body, ctx }) => ({
  policy: await updatePolicy(params.id!, body, ctx),
}));
