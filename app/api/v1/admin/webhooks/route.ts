import { apiRoute, reply } from "@/lib/api/handler";
import { createWebhookEndpoint, listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { ZCreateWebhookEndpoint } from "@/lib/webhooks/schemas";

export const GET = apiRoute({ auth: "admin" }, async () => ({ webhooks: await listWebhookEndpoints() }));

/** The answer carries the signing secret; later it is only shown with ?includeSecret=true. */
export const POST = apiRoute({ auth: "admin", body: ZCreateWebhookEndpoint }, async ({ body, ctx }) =>
  reply({ webhook: await createWebhookEndpoint(body, ctx) }, 201),
);
