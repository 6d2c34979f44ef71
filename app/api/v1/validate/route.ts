import { z } from "zod";
import { apiRoute, parse } from "@/lib/api/handler";
import { ZUserValidateInput, ZValidateInput } from "@/lib/licensing/schemas";
import { validateUserSeat } from "@/lib/licensing/user-seats";
import { validateSeat } from "@/lib/licensing/validate-seat";

export const POST = apiRoute({ auth: "user-optional", sign: true, rateLimit: "client", body: z.unknown() }, ({ body, ctx, user }) =>
  user
    ? validateUserSeat(user, parse(ZUserValidateInput, body), ctx)
    : validateSeat(parse(ZValidateInput, body), { ...ctx, actor: { type: "LICENSE_KEY" } }),
);
