import { z } from "zod";
import { apiRoute, parse } from "@/lib/api/handler";
import { deactivateSeat } from "@/lib/licensing/deactivate-seat";
import { lookUpSeatAhead } from "@/lib/licensing/look-up-seat";
import { ZDeactivateInput, ZUserDeactivateInput } from "@/lib/licensing/schemas";
import { deactivateUserSeat } from "@/lib/licensing/user-seats";

export const POST = apiRoute(
  { auth: "user-optional", sign: true, rateLimit: "client", body: z.unknown(), readAhead: ({ body, user }) => (user ? undefined : lookUpSeatAhead(body)) },
  ({ body, ctx, user, ahead }) =>
    user
      ? deactivateUserSeat(user, parse(ZUserDeactivateInput, body), ctx)
      : deactivateSeat(parse(ZDeactivateInput, body), { ...ctx, actor: { type: "LICENSE_KEY" } }, ahead),
);
