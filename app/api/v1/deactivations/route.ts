import { apiRoute } from "@/lib/api/handler";
import { deactivateSeat } from "@/lib/licensing/deactivate-seat";
import { ZDeactivateInput } from "@/lib/licensing/schemas";

export const POST = apiRoute({ auth: "none", sign: true, body: ZDeactivateInput }, ({ body, ctx }) =>
  deactivateSeat(body, { ...ctx, actor: { type: "LICENSE_KEY" } }),
);
