import { apiRoute } from "@/lib/api/handler";
import { heartbeatSeat } from "@/lib/licensing/heartbeat-seat";
import { ZHeartbeatInput } from "@/lib/licensing/schemas";

export const POST = apiRoute({ auth: "none", sign: true, body: ZHeartbeatInput }, ({ body, ctx }) =>
  heartbeatSeat(body, { ...ctx, actor: { type: "LICENSE_KEY" } }),
);
