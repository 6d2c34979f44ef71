import { apiRoute } from "@/lib/api/handler";
import { renewLicense } from "@/lib/billing/renew-license";
import { ZRenewLicense } from "@/lib/billing/schemas";

export const POST = apiRoute({ auth: "admin", body: ZRenewLicense }, ({ params, body, ctx }) => renewLicense(params.id!, body, ctx));
