import { z } from "zod";
import { apiRoute, parse } from "@/lib/api/handler";
import { lookUpSeatAhead } from "@/lib/licensing/look-up-seat";
import { ZUserValidateInput, ZValidateInput } from "@/lib/licensing/schemas";
import { validateUserSeat } from "@/lib/licensing/user-seats";
import { validateSeat } from "@/lib/licensing/validate-seat";

export const POST = apiRoute(
  { auth: "user-optional", sign: true, rateLimit: "client", body: z.unknown(), readAhead: ({ body, user }) => (user ? undefined : lookUpSeatAhead(body)) },
  ({ body, ctx, user, ahead }) =>
    user
      ? validateUserSeat(user, parse(ZUserValidateInput, body), ctx)
      : validateSeat(parse(ZValidateInput, body), { ...ctx, actor: { type: "LICENSE_KEY" } }, ahead),
);
