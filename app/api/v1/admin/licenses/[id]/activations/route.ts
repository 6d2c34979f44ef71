import { apiRoute } from "@/lib/api/handler";
import { listLicenseActivations } from "@/lib/admin/list-activations";
import { ZLicenseActivationsQuery } from "@/lib/admin/schemas";

export const GET = apiRoute({ auth: "admin", query: ZLicenseActivationsQuery }, ({ params, query }) =>
  listLicenseActivations(params.id!, { ...query, includeInactive: query.includeInactive === "true" }),
);
