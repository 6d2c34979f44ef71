import { apiRoute, reply } from "@/lib/api/handler";
import { pingWebhookEndpoint } from "@/lib/webhooks/deliveries";

export const POST = apiRoute({ auth: "admin" }, async ({ params, ctx }) => reply({ delivery: await pingWebhookEndpoint(params.id!, ctx) }, 201));
