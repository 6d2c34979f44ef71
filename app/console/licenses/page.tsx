import type { Metadata } from "next";
import Link from "next/link";
import { requireStaff } from "@/components/console/current-staff";
import { LicensesTable } from "@/components/console/licenses-table";
import { PageHeader } from "@/components/console/page-header";
import { firstParams, parseTableParams, type TSearchParams } from "@/components/data-table/params";
import { buttonClass } from "@/components/ui/button";
import { listProducts, listPolicies } from "@/lib/admin/list-catalog";
import { listLicenses } from "@/lib/admin/list-licenses";
import { LICENSE_SORTS, ZListLicenses } from "@/lib/admin/schemas";
import { licenseFilters } from "./filters";

export const metadata: Metadata = { title: "Licenses" };

export default async function LicensesPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const staff = await requireStaff();
  const params = firstParams(await searchParams);
  const { page, pageSize, sort } = parseTableParams(params, LICENSE_SORTS, { id: "createdAt", desc: true });
  // Unknown or malformed filter values are dropped rather than failing the page.
  const filters = ZListLicenses.partial().safeParse(params);
  const f = filters.success ? filters.data : {};
  const [result, products, policies] = await Promise.all([
    listLicenses({
      page,
      pageSize,
      sort: sort.id,
      dir: sort.desc ? "desc" : "asc",
      q: f.q,
      status: f.status,
      productId: f.productId,
      policyId: f.policyId,
      organizationId: f.organizationId,
      customer: f.customer,
      expiringWithinDays: f.expiringWithinDays,
      utilization: f.utilization,
    }),
    listProducts(),
    listPolicies(),
  ]);
  return (
    <>
      <PageHeader
        title="Licenses"
        description="Every customer license. Filter, search by key, name or customer, and open one to manage its seats."
        actions={
          staff.canEdit ? (
            <Link href="/console/licenses/new" className={buttonClass("primary")}>
              New license
            </Link>
          ) : null
        }
      />
      <LicensesTable
        data={result.licenses}
        total={result.total}
        page={page}
        pageSize={pageSize}
        sort={sort}
        filters={licenseFilters(products, policies, f.productId)}
        empty={{
          title: "No licenses match",
          hint: Object.keys(params).some((k) => !["page", "size", "sort", "dir"].includes(k)) ? "Try clearing the filters." : "Create the first license to get started.",
        }}
      />
    </>
  );
}
