import { apiRoute } from "@/lib/api/handler";
import { issueLicenseFileForSeat } from "@/lib/license-files/issue-license-file";
import { ZDeactivateInput } from "@/lib/licensing/schemas";

// Same input as a deactivation: the license key and the machine code of a device holding a seat.
export const POST = apiRoute({ auth: "none", sign: true, rateLimit: "client", body: ZDeactivateInput }, async ({ body, ctx }) => {
  const { licenseFile } = await issueLicenseFileForSeat(body, { ...ctx, actor: { type: "LICENSE_KEY" } });
  return { licenseFile };
});
