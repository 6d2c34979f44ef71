import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PolicyForm } from "@/components/console/catalog-forms";
import { requireStaff } from "@/components/console/current-staff";
import { LicensesTable } from "@/components/console/licenses-table";
import { PageHeader } from "@/components/console/page-header";
import { firstParams, parseTableParams, type TSearchParams } from "@/components/data-table/params";
import { Card } from "@/components/ui/card";
import { listLicenses } from "@/lib/admin/list-licenses";
import { LICENSE_SORTS } from "@/lib/admin/schemas";
import { db } from "@/lib/db";
import { updatePolicyAction } from "../../products/actions";

export const metadata: Metadata = { title: "Policy" };

export default async function PolicyPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<TSearchParams> }) {
  const staff = await requireStaff();
  const { id } = await params;
  const policy = await db.policy.findUnique({ where: { id }, include: { product: true } });
  if (!policy) notFound();
  const query = firstParams(await searchParams);
  const { page, pageSize, sort } = parseTableParams(query, LICENSE_SORTS, { id: "createdAt", desc: true });
  const licenses = await listLicenses({ page, pageSize, policyId: id, q: query.q, sort: sort.id, dir: sort.desc ? "desc" : "asc" });
  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: `/console/products/${policy.productId}`, label: policy.product.name }}
        title={policy.name}
        description={[
          policy.model === "FLOATING" ? "Floating" : "Node-locked",
          policy.kind === "EVALUATION" ? `Evaluation (${policy.evaluationDays ?? "?"} days, 1 seat)` : `${policy.seats} seats`,
          policy.durationDays ? `${policy.durationDays} days` : "perpetual",
          policy.goodwillSeats ? `+${policy.goodwillSeats} goodwill` : null,
          policy.deactivationCooldownHours ? `${policy.deactivationCooldownHours} h cooldown` : null,
          policy.checkInIntervalDays ? `check-in every ${policy.checkInIntervalDays} days` : null,
          policy.entitlements.length ? `entitlements: ${policy.entitlements.join(", ")}` : null,
        ]
          .filter(Boolean)
          .join(" · ")}
      />
      {staff.canEdit ? (
        <Card title="Edit policy">
          <PolicyForm action={updatePolicyAction} policy={policy} submitLabel="Save policy" />
        </Card>
      ) : null}
      <section className="space-y-2" aria-label="Licenses on this policy">
        <div className="flex items-center justify-between">
          <h2 className="text-sm font-semibold text-slate-800">Licenses on this policy</h2>
          <Link href={`/console/licenses?policyId=${id}`} className="text-sm text-indigo-700 hover:underline">
            Open in the license list
          </Link>
        </div>
        <LicensesTable
          data={licenses.licenses}
          total={licenses.total}
          page={page}
          pageSize={pageSize}
          sort={sort}
          filters={[{ kind: "search", name: "q", label: "Search", placeholder: "Key, name or customer" }]}
          empty={{ title: "No licenses on this policy yet" }}
        />
      </section>
    </div>
  );
}
