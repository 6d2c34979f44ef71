import { z } from "zod";
import { apiRoute, parse } from "@/lib/api/handler";
import { deactivateSeat, lookUpDeactivationAhead } from "@/lib/licensing/deactivate-seat";
import { ZDeactivateInput, ZUserDeactivateInput } from "@/lib/licensing/schemas";
import { deactivateUserSeat } from "@/lib/licensing/user-seats";

export const POST = apiRoute(
  { auth: "user-optional", sign: true, rateLimit: "client", body: z.unknown(), readAhead: ({ body, user }) => (user ? undefined : lookUpDeactivationAhead(body)) },
  ({ body, ctx, user, ahead }) =>
    user
      ? deactivateUserSeat(user, parse(ZUserDeactivateInput, body), ctx)
      : deactivateSeat(parse(ZDeactivateInput, body), { ...ctx, actor: { type: "LICENSE_KEY" } }, ahead),
);
