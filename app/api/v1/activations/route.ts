import { apiRoute, reply } from "@/lib/api/handler";
import { activateSeat } from "@/lib/licensing/activate-seat";
import { ZActivateInput } from "@/lib/licensing/schemas";

export const POST = apiRoute({ auth: "none", rateLimit: "client", body: ZActivateInput }, async ({ body, ctx }) => {
  const { created, ...result } = await activateSeat(body, { ...ctx, actor: { type: "LICENSE_KEY" } });
  return reply(result, created ? 201 : 200);
});
