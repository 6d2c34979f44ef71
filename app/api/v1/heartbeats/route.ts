import { z } from "zod";
import { apiRoute, parse } from "@/lib/api/handler";
import { heartbeatSeat } from "@/lib/licensing/heartbeat-seat";
import { ZHeartbeatInput, ZUserHeartbeatInput } from "@/lib/licensing/schemas";
import { heartbeatUserSeat } from "@/lib/licensing/user-seats";

export const POST = apiRoute({ auth: "user-optional", sign: true, rateLimit: "client", body: z.unknown() }, ({ body, ctx, user }) =>
  user
    ? heartbeatUserSeat(user, parse(ZUserHeartbeatInput, body), ctx)
    : heartbeatSeat(parse(ZHeartbeatInput, body), { ...ctx, actor: { type: "LICENSE_KEY" } }),
);
