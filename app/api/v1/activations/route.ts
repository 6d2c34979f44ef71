import { z } from "zod";
import { apiRoute, parse, reply } from "@/lib/api/handler";
import { activateSeat } from "@/lib/licensing/activate-seat";
import { ZActivateInput, ZUserActivateInput } from "@/lib/licensing/schemas";
import { activateUserSeat } from "@/lib/licensing/user-seats";

/** With a license key in the body, or with a user token (Authorization: Bearer sw_user_…) and a licenseId. */
export const POST = apiRoute({ auth: "user-optional", body: z.unknown() }, async ({ body, ctx, user }) => {
  const { created, ...result } = user
    ? await activateUserSeat(user, parse(ZUserActivateInput, body), ctx)
    : await activateSeat(parse(ZActivateInput, body), { ...ctx, actor: { type: "LICENSE_KEY" } });
  return reply(result, created ? 201 : 200);
});
