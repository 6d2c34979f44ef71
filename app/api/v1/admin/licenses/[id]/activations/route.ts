import { z } from "zod";
import { apiRoute } from "@/lib/api/handler";
import { listLicenseActivations } from "@/lib/admin/list-activations";
import { ZPage } from "@/lib/admin/schemas";

const ZQuery = ZPage.extend({ includeInactive: z.enum(["true", "false"]).optional() });

export const GET = apiRoute({ auth: "admin", query: ZQuery }, ({ params, query }) =>
  listLicenseActivations(params.id!, { ...query, includeInactive: query.includeInactive === "true" }),
);
