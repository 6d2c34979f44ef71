import { apiRoute } from "@/lib/api/handler";
import { licenseUsage } from "@/lib/billing/license-periods";
import { ZUsageQuery } from "@/lib/billing/schemas";

export const GET = apiRoute({ auth: "admin", query: ZUsageQuery }, ({ params, query }) => licenseUsage(params.id!, query.period));
