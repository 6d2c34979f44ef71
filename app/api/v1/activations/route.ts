import { apiRoute, reply } from "@/lib/api/handler";
import { licenseFileForActivation } from "@/lib/license-files/issue-license-file";
import { activateSeat } from "@/lib/licensing/activate-seat";
import { ZActivateInput } from "@/lib/licensing/schemas";

export const POST = apiRoute({ auth: "none", sign: true, body: ZActivateInput }, async ({ body, ctx }) => {
  const { created, ...result } = await activateSeat(body, { ...ctx, actor: { type: "LICENSE_KEY" } });
  const licenseFile = await licenseFileForActivation(result);
  return reply({ ...result, licenseFile }, created ? 201 : 200);
});
