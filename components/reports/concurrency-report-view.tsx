import Link from "next/link";
import { ConcurrencyChart } from "@/components/reports/concurrency-chart";
import { buttonClass } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import type { TConcurrencyReport } from "@/lib/reports/concurrency-report";
import { REPORT_RANGES, type TConcurrencyQuery } from "@/lib/reports/schemas";

const RANGE_LABELS: Record<keyof typeof REPORT_RANGES, string> = { "24h": "24 hours", "7d": "7 days", "30d": "30 days", "90d": "90 days" };

type TProps = {
  report: TConcurrencyReport;
  query: TConcurrencyQuery;
  /** The CSV export route of the viewer's area (console or portal); range and bucket are appended. */
  exportPath: string;
};

/**
 * A license's concurrency report: range picker, peak / average / refused checkouts, the chart and
 * the busiest buckets. Shared by the console and the portal; each page authorizes before rendering it.
 */
export function ConcurrencyReportView({ report, query, exportPath }: TProps) {
  const { summary } = report;
  const href = (q: Partial<TConcurrencyQuery>) => `?${new URLSearchParams({ ...query, ...q }).toString()}`;
  const csv = `${exportPath}?${new URLSearchParams({ range: query.range, bucket: report.bucket })}`;
  const busiest = [...report.points].sort((a, b) => b.peak - a.peak || b.refused - a.refused).slice(0, 5).filter((p) => p.peak > 0 || p.refused > 0);

  return (
    <>
      <div className="flex flex-wrap items-center justify-between gap-3">
        <div className="flex flex-wrap gap-2" aria-label="Report period">
          {(Object.keys(REPORT_RANGES) as (keyof typeof REPORT_RANGES)[]).map((range) => (
            <Link key={range} href={href({ range })} aria-current={range === query.range ? "page" : undefined} className={buttonClass(range === query.range ? "primary" : "secondary")}>
              {RANGE_LABELS[range]}
            </Link>
          ))}
          <span className="mx-2 w-px self-stretch bg-slate-200" aria-hidden />
          {(["hour", "day"] as const).map((bucket) => (
            <Link
              key={bucket}
              href={href({ bucket })}
              aria-current={bucket === report.bucket ? "page" : undefined}
              className={buttonClass(bucket === report.bucket ? "primary" : "secondary")}
            >
              Per {bucket}
            </Link>
          ))}
        </div>
        <a href={csv} className={buttonClass("secondary")} download>
          Download CSV
        </a>
      </div>
      {query.bucket === "hour" && report.bucket === "day" ? (
        <p className="text-xs text-slate-500">Periods longer than 31 days are shown per day.</p>
      ) : null}

      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label="Peak concurrent leases" value={`${summary.peak} / ${report.seatLimit}`} hint={summary.peakAt ? `first reached ${utc(summary.peakAt)}` : "no leases in this period"} />
        <Stat label="Average leases" value={summary.average} hint="time-weighted over the period" />
        <Stat label="Refused checkouts" value={summary.refused} hint="refused because every seat was leased" />
        <Stat label="Time at capacity" value={percent(summary.atCapacityShare)} hint="every seat leased" />
      </div>

      <Card title={`Leases in use, per ${report.bucket} (UTC)`}>
        {summary.peak === 0 && summary.refused === 0 ? (
          <div className="rounded-md border border-dashed border-slate-300 p-8 text-center" data-testid="concurrency-empty">
            <p className="text-sm font-medium text-slate-700">No leases or refused checkouts in the last {RANGE_LABELS[query.range]}.</p>
            <p className="mt-1 text-xs text-slate-500">The chart fills in as apps check out seats on this license.</p>
          </div>
        ) : (
          <ConcurrencyChart points={report.points} seatLimit={report.seatLimit} bucket={report.bucket} />
        )}
        <p className="mt-3 text-xs text-slate-500">{advice(summary, report.seatLimit)}</p>
      </Card>

      <Card title={`Busiest ${report.bucket === "hour" ? "hours" : "days"}`}>
        {busiest.length === 0 ? (
          <p className="text-sm text-slate-500">Nothing to show yet.</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="busiest-table">
            <thead className="text-xs text-slate-500 uppercase">
              <tr>
                <th scope="col" className="py-2">{report.bucket === "hour" ? "Hour" : "Day"} (UTC)</th>
                <th scope="col">Peak</th>
                <th scope="col">Average</th>
                <th scope="col">Refused</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {busiest.map((p) => (
                <tr key={p.start}>
                  <td className="py-2">{report.bucket === "hour" ? utc(p.start) : p.start.slice(0, 10)}</td>
                  <td>{p.peak} / {report.seatLimit}</td>
                  <td>{p.average}</td>
                  <td className={p.refused ? "font-medium text-red-700" : ""}>{p.refused}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}

function percent(share: number) {
  if (share > 0 && share < 0.01) return "< 1 %";
  return `${Math.round(share * 100)} %`;
}

function utc(iso: string) {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}

function advice(summary: { peak: number; refused: number; atCapacityShare: number }, limit: number): string {
  if (summary.refused > 0) {
    const times = summary.refused === 1 ? "once" : `${summary.refused.toLocaleString("en-US")} times`;
    return `Checkouts were refused ${times}: more seats would have served every request.`;
  }
  if (summary.peak >= limit) return "Every seat was in use at the peak, but no checkout was refused.";
  if (summary.peak === 0) return "No seat was used in this period.";
  const spare = limit - summary.peak;
  return `At most ${summary.peak} of ${limit} seats were in use at once: ${spare === 1 ? "1 seat was" : `${spare} seats were`} never needed in this period.`;
}
