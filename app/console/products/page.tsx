import type { Metadata } from "next";
import { PoliciesTable, ProductsTable } from "@/components/console/catalog-tables";
import { ProductForm } from "@/components/console/catalog-forms";
import { requireStaff } from "@/components/console/current-staff";
import { PageHeader } from "@/components/console/page-header";
import { Card } from "@/components/ui/card";
import { listCatalogWithCounts } from "@/lib/console/list-catalog-stats";
import { createProductAction } from "./actions";

export const metadata: Metadata = { title: "Products & policies" };

export default async function ProductsPage() {
  const staff = await requireStaff();
  const { products, policies } = await listCatalogWithCounts();
  return (
    <div className="space-y-6">
      <PageHeader title="Products & policies" description="A product is what you sell; its policies set seats, model and duration for the licenses issued under them." />
      <section className="space-y-2" aria-label="Products">
        <h2 className="text-sm font-semibold text-slate-800">Products</h2>
        <ProductsTable rows={products} />
      </section>
      {staff.canEdit ? (
        <Card title="New product">
          <ProductForm action={createProductAction} submitLabel="Create product" />
        </Card>
      ) : null}
      <section className="space-y-2" aria-label="Policies">
        <h2 className="text-sm font-semibold text-slate-800">Policies</h2>
        <PoliciesTable rows={policies} />
        {staff.canEdit ? <p className="text-xs text-slate-500">To add a policy, open its product.</p> : null}
      </section>
    </div>
  );
}
