import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { PoliciesTable } from "@/components/console/catalog-tables";
import { PolicyForm, ProductForm } from "@/components/console/catalog-forms";
import { requireStaff } from "@/components/console/current-staff";
import { PageHeader } from "@/components/console/page-header";
import { Card } from "@/components/ui/card";
import { listCatalogWithCounts } from "@/lib/console/list-catalog-stats";
import { createPolicyAction, updateProductAction } from "../actions";

export const metadata: Metadata = { title: "Product" };

export default async function ProductPage({ params }: { params: Promise<{ id: string }> }) {
  const staff = await requireStaff();
  const { id } = await params;
  const { products, policies } = await listCatalogWithCounts(id);
  const product = products[0];
  if (!product) notFound();
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/console/products", label: "Products & policies" }} title={product.name} description={`Code ${product.code} · ${product.licenses} licenses`} />
      {staff.canEdit ? (
        <Card title="Edit product">
          <ProductForm action={updateProductAction} product={product} submitLabel="Save product" />
        </Card>
      ) : null}
      <section className="space-y-2" aria-label="Policies">
        <h2 className="text-sm font-semibold text-slate-800">Policies of {product.name}</h2>
        <PoliciesTable rows={policies} />
      </section>
      {staff.canEdit ? (
        <Card title="New policy">
          <PolicyForm
            action={createPolicyAction}
            submitLabel="Create policy"
            policy={{ productId: product.id, name: "", model: "NODE_LOCKED", seats: 5, durationDays: 365, leaseDurationSeconds: 3600 }}
          />
        </Card>
      ) : null}
    </div>
  );
}
