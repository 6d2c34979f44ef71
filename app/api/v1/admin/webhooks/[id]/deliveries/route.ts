import { apiRoute } from "@/lib/api/handler";
import { listWebhookDeliveries } from "@/lib/webhooks/deliveries";
import { ZListDeliveries } from "@/lib/webhooks/schemas";

export const GET = apiRoute({ auth: "admin", query: ZListDeliveries }, async ({ params, query }) => listWebhookDeliveries(params.id!, query));
