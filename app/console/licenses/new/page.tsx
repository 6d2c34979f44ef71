import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { requireStaff } from "@/components/console/current-staff";
import { CreateLicenseForm } from "@/components/console/license/create-license-form";
import { PageHeader } from "@/components/console/page-header";
import { firstParams, type TSearchParams } from "@/components/data-table/params";
import { db } from "@/lib/db";
import { listPolicies, listProducts } from "@/lib/admin/list-catalog";

export const metadata: Metadata = { title: "New license" };

export default async function NewLicensePage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const staff = await requireStaff();
  if (!staff.canEdit) redirect("/console/licenses");
  const { customer } = firstParams(await searchParams);
  const [products, policies, organizations] = await Promise.all([
    listProducts(),
    listPolicies(),
    // The menu lists the first 1,000 customers by name; a new one can always be typed in.
    db.organization.findMany({ orderBy: { name: "asc" }, select: { id: true, name: true }, take: 1000 }),
  ]);
  return (
    <>
      <PageHeader back={{ href: "/console/licenses", label: "Licenses" }} title="New license" description="The key is generated and shown once the license is created." />
      <CreateLicenseForm
        products={products.map((p) => ({ id: p.id, name: p.name }))}
        policies={policies.map((p) => ({ id: p.id, name: p.name, productId: p.productId, seats: p.seats, durationDays: p.durationDays, model: p.model }))}
        organizations={organizations}
        initialOrganizationId={customer}
      />
    </>
  );
}
