import { z } from "zod";
import { apiRoute, parse, reply } from "@/lib/api/handler";
import { licenseFileForActivation } from "@/lib/license-files/issue-license-file";
import { activateSeat } from "@/lib/licensing/activate-seat";
import { ZActivateInput, ZUserActivateInput } from "@/lib/licensing/schemas";
import { activateUserSeat } from "@/lib/licensing/user-seats";

/** With a license key in the body, or with a user token (Authorization: Bearer sw_user_…) and a licenseId. */
export const POST = apiRoute({ auth: "user-optional", sign: true, rateLimit: "client", body: z.unknown() }, async ({ body, ctx, user }) => {
  const { created, record, ...result } = user
    ? await activateUserSeat(user, parse(ZUserActivateInput, body), ctx)
    : await activateSeat(parse(ZActivateInput, body), { ...ctx, actor: { type: "LICENSE_KEY" } });
  const licenseFile = await licenseFileForActivation({ record, activation: result.activation });
  return reply({ ...result, licenseFile }, created ? 201 : 200);
});
