import { apiRoute, reply } from "@/lib/api/handler";
import { ZTokenRequest } from "@/lib/orgs/schemas";
import { issueUserToken, revokeUserToken } from "@/lib/orgs/user-tokens";

/** The client app signs its user in with email and password instead of asking for a license key. */
export const POST = apiRoute({ auth: "none", rateLimit: "auth", body: ZTokenRequest }, async ({ body, ctx }) =>
  reply(await issueUserToken(body.email, body.password, ctx), 201),
);

/** The app's "sign out": ends the token it was called with. */
export const DELETE = apiRoute({ auth: "user", rateLimit: "client" }, async ({ user }) => {
  await revokeUserToken(user.tokenId);
  return { revoked: true };
});
