import { apiRoute } from "@/lib/api/handler";
import { listLicensePeriods } from "@/lib/billing/license-periods";

export const GET = apiRoute({ auth: "admin" }, ({ params }) => listLicensePeriods(params.id!));
