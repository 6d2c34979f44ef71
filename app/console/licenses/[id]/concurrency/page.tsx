import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LicenseSubpageHeader } from "@/components/licenses/license-subpage-header";
import { ConcurrencyReportView } from "@/components/reports/concurrency-report-view";
import { ApiError } from "@/lib/api/errors";
import { concurrencyReport, ZConcurrencyQuery } from "@/lib/reports/concurrency-report";

export const metadata: Metadata = { title: "Concurrency" };
export const dynamic = "force-dynamic";

export default async function ConcurrencyPage({
  params,
  searchParams,
}: {
  params: Promise<{ id: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
}) {
  const { id } = await params;
  const query = ZConcurrencyQuery.parse(await searchParams);
  const report = await concurrencyReport(id, query).catch((error: unknown) => {
    if (error instanceof ApiError && error.code === "LICENSE_NOT_FOUND") notFound();
    throw error;
  });
  return (
    <div className="space-y-6">
      <LicenseSubpageHeader licenseId={id} title="Concurrency" license={report.license} active="concurrency" area="console" />
      <ConcurrencyReportView report={report} query={query} exportPath={`/console/licenses/${id}/concurrency/export`} />
    </div>
  );
}
