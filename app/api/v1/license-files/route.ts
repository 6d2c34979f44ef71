import { apiRoute } from "@/lib/api/handler";
import { issueLicenseFileForSeat } from "@/lib/license-files/issue-license-file";
import { lookUpSeatAhead } from "@/lib/licensing/look-up-seat";
import { ZDeactivateInput } from "@/lib/licensing/schemas";

// Same input as a deactivation: the license key and the machine code of a device holding a seat.
export const POST = apiRoute(
  { auth: "none", sign: true, rateLimit: "client", body: ZDeactivateInput, readAhead: ({ body }) => lookUpSeatAhead(body) },
  async ({ body, ctx, ahead }) => {
    const { licenseFile } = await issueLicenseFileForSeat(body, { ...ctx, actor: { type: "LICENSE_KEY" } }, ahead);
    return { licenseFile };
  },
);
