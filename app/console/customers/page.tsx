import type { Metadata } from "next";
import { ActionForm, FieldInput, FormField } from "@/components/console/action-form";
import { requireStaff } from "@/components/console/current-staff";
import { CustomersTable } from "@/components/console/customers-table";
import { PageHeader } from "@/components/console/page-header";
import { firstParams, parseTableParams, type TSearchParams } from "@/components/data-table/params";
import { Card } from "@/components/ui/card";
import { CUSTOMER_SORTS, listCustomers } from "@/lib/console/list-customers";
import { createCustomerAction } from "./actions";

export const metadata: Metadata = { title: "Customers" };

export default async function CustomersPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const staff = await requireStaff();
  const params = firstParams(await searchParams);
  const { page, pageSize, sort } = parseTableParams(params, CUSTOMER_SORTS, { id: "name", desc: false });
  const q = params.q?.slice(0, 200);
  const result = await listCustomers({ page, pageSize, q, sort: sort.id, desc: sort.desc });
  return (
    <div className="space-y-6">
      <PageHeader title="Customers" description="The organizations you license to. Each holds its licenses and, later, its portal users." />
      <CustomersTable
        data={result.customers}
        total={result.total}
        page={page}
        pageSize={pageSize}
        sort={sort}
        filters={[{ kind: "search", name: "q", label: "Search", placeholder: "Customer name" }]}
        empty={{ title: q ? "No customer matches" : "No customers yet", hint: q ? "Try another name." : "Add one below or while creating a license." }}
      />
      {staff.canEdit ? (
        <Card title="New customer">
          <ActionForm action={createCustomerAction} submitLabel="Add customer" className="max-w-md">
            <FormField name="name" label="Name">
              <FieldInput name="name" maxLength={200} required />
            </FormField>
          </ActionForm>
        </Card>
      ) : null}
    </div>
  );
}
