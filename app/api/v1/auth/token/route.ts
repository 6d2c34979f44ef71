import { apiRoute, reply } from "@/lib/api/handler";
import { ZTokenRequest } from "@/lib/orgs/schemas";
import { issueUserToken } from "@/lib/orgs/user-tokens";

/** The client app signs its user in with email and password instead of asking for a license key. */
export const POST = apiRoute({ auth: "none", body: ZTokenRequest }, async ({ body, ctx }) =>
  reply(await issueUserToken(body.email, body.password, ctx), 201),
);
