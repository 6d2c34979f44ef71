import { apiRoute, reply } from "@/lib/api/handler";
import { createLicense } from "@/lib/admin/create-license";
import { listLicenses } from "@/lib/admin/list-licenses";
import { ZCreateLicense, ZListLicenses } from "@/lib/admin/schemas";

export const POST = apiRoute({ auth: "admin", body: ZCreateLicense }, async ({ body, ctx }) =>
  reply({ license: await createLicense(body, ctx) }, 201),
);

export const GET = apiRoute({ auth: "admin", query: ZListLicenses }, ({ query }) => listLicenses(query));
