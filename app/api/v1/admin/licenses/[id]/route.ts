import { apiRoute } from "@/lib/api/handler";
import { getLicense } from "@/lib/admin/get-license";
import { ZUpdateLicense } from "@/lib/admin/schemas";
import { updateLicense } from "@/lib/admin/update-license";

export const GET = apiRoute({ auth: "admin" }, async ({ params }) => ({ license: await getLicense(params.id!) }));

export const PATCH = apiRoute({ auth: "admin", body: ZUpdateLicense }, async ({ params, body, ctx }) => ({
  license: await updateLicense(params.id!, body, ctx),
}));
