import { apiRoute } from "@/lib/api/handler";
import { ZValidateInput } from "@/lib/licensing/schemas";
import { validateSeat } from "@/lib/licensing/validate-seat";

export const POST = apiRoute({ auth: "none", sign: true, body: ZValidateInput }, ({ body, ctx }) =>
  validateSeat(body, { ...ctx, actor: { type: "LICENSE_KEY" } }),
);
