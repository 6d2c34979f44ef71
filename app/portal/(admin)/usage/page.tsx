import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/portal/badge";
import { EmptyState, formatDate, PageHeader } from "@/components/portal/page-header";
import { UsageChart } from "@/components/portal/usage-chart";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { isOrgAdmin } from "@/lib/portal/actor";
import { requireOrgActor } from "@/lib/portal/session";
import { usageReport } from "@/lib/portal/usage-report";

export const metadata: Metadata = { title: "Usage" };

const RANGES = [30, 90, 365];

export default async function PortalUsage({ searchParams }: { searchParams: Promise<{ days?: string }> }) {
  const actor = await requireOrgActor("/portal/usage");
  if (!isOrgAdmin(actor)) notFound();
  const { days: rawDays } = await searchParams;
  const days = RANGES.includes(Number(rawDays)) ? Number(rawDays) : 90;
  const report = await usageReport(actor, { days });
  const peak = Math.max(0, ...report.daily.map((d) => d.active));
  return (
    <>
      <PageHeader
        title="Usage"
        description="Seats consumed in each billing period (every device that used the software during the period counts once), and seats held day by day."
        actions={
          <div className="flex gap-2">
            <a className={buttonClass("secondary")} href="/portal/usage/export?report=periods" download>
              Export periods (CSV)
            </a>
            <a className={buttonClass("secondary")} href={`/portal/usage/export?report=daily&days=${days}`} download>
              Export daily (CSV)
            </a>
          </div>
        }
      />
      <Card
        title="Active seats over time"
        actions={
          <nav aria-label="Range" className="flex gap-1 text-sm">
            {RANGES.map((r) => (
              <Link
                key={r}
                href={`/portal/usage?days=${r}`}
                aria-current={r === days ? "page" : undefined}
                className={`rounded-md px-2 py-1 ${r === days ? "bg-indigo-50 font-medium text-indigo-700" : "text-slate-600 hover:bg-slate-100"}`}
              >
                {r === 365 ? "1 year" : `${r} days`}
              </Link>
            ))}
          </nav>
        }
      >
        <p className="mb-2 text-sm text-slate-600">
          Peak {peak} of {report.totalLimit} seats in the last {report.daily.length} days.
        </p>
        <UsageChart data={report.daily} limit={report.totalLimit} />
      </Card>
      <Card title="Seats consumed per billing period">
        {report.periods.length === 0 ? (
          <EmptyState title="No billing periods yet" />
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase">
              <tr>
                <th className="py-2">License</th>
                <th>Period</th>
                <th className="text-right">Seats consumed</th>
                <th className="text-right">Seat limit</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {report.periods.map((p) => (
                <tr key={`${p.licenseId}-${p.startsAt}`}>
                  <td className="py-2">
                    <div className="font-medium">{p.product}</div>
                    <div className="text-xs text-slate-500">{p.licenseName}</div>
                  </td>
                  <td>
                    {formatDate(p.startsAt)} – {p.endsAt ? formatDate(p.endsAt) : "open"} {p.current ? <Badge tone="indigo">Current</Badge> : null}
                  </td>
                  <td className={`text-right font-medium ${p.seatsConsumed > p.seatLimit ? "text-amber-700" : ""}`}>{p.seatsConsumed}</td>
                  <td className="text-right">{p.seatLimit}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </>
  );
}
