import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm, FieldInput, FormField } from "@/components/console/action-form";
import { requireStaff } from "@/components/console/current-staff";
import { fmtDate } from "@/components/console/format";
import { LicensesTable } from "@/components/console/licenses-table";
import { CustomerUsers } from "@/components/customers/customer-users";
import { PageHeader } from "@/components/console/page-header";
import { firstParams, parseTableParams, type TSearchParams } from "@/components/data-table/params";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { listLicenses } from "@/lib/admin/list-licenses";
import { LICENSE_SORTS } from "@/lib/admin/schemas";
import { db } from "@/lib/db";
import { renameCustomerAction } from "../actions";

export const metadata: Metadata = { title: "Customer" };

export default async function CustomerPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<TSearchParams> }) {
  const staff = await requireStaff();
  const { id } = await params;
  const org = await db.organization.findUnique({ where: { id } });
  if (!org) notFound();
  const query = firstParams(await searchParams);
  const { page, pageSize, sort } = parseTableParams(query, LICENSE_SORTS, { id: "createdAt", desc: true });
  const licenses = await listLicenses({ page, pageSize, organizationId: id, sort: sort.id, dir: sort.desc ? "desc" : "asc" });
  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: "/console/customers", label: "Customers" }}
        title={org.name}
        description={`Customer since ${fmtDate(org.createdAt)}`}
        actions={
          <>
            <Link href={`/console/events?organizationId=${id}`} className={buttonClass("secondary")}>
              Events
            </Link>
            {staff.canEdit ? (
              <Link href={`/console/licenses/new?customer=${id}`} className={buttonClass("primary")}>
                New license
              </Link>
            ) : null}
          </>
        }
      />
      <section className="space-y-2" aria-label="Licenses">
        <h2 className="text-sm font-semibold text-slate-800">Licenses</h2>
        <LicensesTable data={licenses.licenses} total={licenses.total} page={page} pageSize={pageSize} sort={sort} empty={{ title: "This customer has no licenses yet" }} />
      </section>
      <section className="space-y-2" aria-label="Portal users" data-testid="customer-portal-users">
        <h2 className="text-sm font-semibold text-slate-800">Portal users, admins and invitations</h2>
        <CustomerUsers organizationId={id} canEdit={staff.canEdit} />
      </section>
      {staff.canEdit ? (
        <Card title="Rename customer">
          <ActionForm action={renameCustomerAction} submitLabel="Save" className="max-w-md">
            <input type="hidden" name="id" value={id} />
            <FormField name="name" label="Name">
              <FieldInput name="name" defaultValue={org.name} maxLength={200} required />
            </FormField>
          </ActionForm>
        </Card>
      ) : null}
    </div>
  );
}
