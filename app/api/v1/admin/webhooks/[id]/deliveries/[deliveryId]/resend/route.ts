import { apiRoute, reply } from "@/lib/api/handler";
import { resendWebhookDelivery } from "@/lib/webhooks/deliveries";

/** Sends a copy right away and answers with the attempt's outcome (retried later like any delivery if it failed). */
export const POST = apiRoute({ auth: "admin" }, async ({ params, ctx }) =>
  reply({ delivery: await resendWebhookDelivery(params.id!, params.deliveryId!, ctx) }, 201),
);
