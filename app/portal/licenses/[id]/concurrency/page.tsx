import type { Metadata } from "next";
import { LicenseSubpageHeader } from "@/components/licenses/license-subpage-header";
import { ConcurrencyReportView } from "@/components/reports/concurrency-report-view";
import { orgConcurrencyReport } from "@/lib/portal/org-license-reports";
import { requireOrgActor } from "@/lib/portal/session";
import { ZConcurrencyQuery } from "@/lib/reports/schemas";
import { notFoundIfMissing } from "../not-found-if-missing";

export const metadata: Metadata = { title: "Concurrency" };
export const dynamic = "force-dynamic";

export default async function PortalConcurrencyPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const actor = await requireOrgActor(`/portal/licenses/${id}/concurrency`);
  const query = ZConcurrencyQuery.parse(await searchParams);
  const report = await orgConcurrencyReport(actor, id, query).catch(notFoundIfMissing);
  return (
    <div className="space-y-6">
      <LicenseSubpageHeader licenseId={id} title="Concurrency" license={report.license} active="concurrency" area="portal" />
      <ConcurrencyReportView report={report} query={query} exportPath={`/portal/licenses/${id}/concurrency/export`} />
    </div>
  );
}
