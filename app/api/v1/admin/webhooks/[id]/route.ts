import { ApiError } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/handler";
import { deleteWebhookEndpoint, getWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { ZGetWebhookQuery, ZUpdateWebhookEndpoint } from "@/lib/webhooks/schemas";

export const GET = apiRoute({ auth: "admin", query: ZGetWebhookQuery }, async ({ params, query, admin }) => {
  const withSecret = query.includeSecret === "true";
  if (withSecret && admin.role !== "ADMIN") throw new ApiError("FORBIDDEN", "Only admin staff can read a webhook signing secret");
  return { webhook: await getWebhookEndpoint(params.id!, { withSecret }) };
});

export const PATCH = apiRoute({ auth: "admin", body: ZUpdateWebhookEndpoint }, async ({ params, body, ctx }) => ({
  webhook: await updateWebhookEndpoint(params.id!, body, ctx),
}));

export const DELETE = apiRoute({ auth: "admin" }, async ({ params, ctx }) => deleteWebhookEndpoint(params.id!, ctx));
