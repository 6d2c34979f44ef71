import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { Card, Stat } from "@/components/ui/card";
import { Field, Input } from "@/components/ui/input";
import { billingReportPage } from "@/lib/billing/billing-report";
import { parseReportRange } from "@/lib/billing/report-range";

export const metadata: Metadata = { title: "Billing" };

const PAGE_SIZE = 50;

type TSearch = { from?: string; to?: string; page?: string };

function day(d: Date | null) {
  return d ? d.toISOString().slice(0, 10) : "open-ended";
}

export default async function BillingPage({ searchParams }: { searchParams: Promise<TSearch> }) {
  const search = await searchParams;
  const parsed = parseReportRange(search);
  const page = Math.max(1, Math.min(100_000, Number.parseInt(search.page ?? "1", 10) || 1));
  const report = parsed.ok ? await billingReportPage(parsed.range, page, PAGE_SIZE) : null;
  const pages = report ? Math.max(1, Math.ceil(report.totals.periods / PAGE_SIZE)) : 1;
  const query = (p: number) => `?${new URLSearchParams({ from: parsed.from, to: parsed.to, page: String(p) })}`;
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-end justify-between gap-4">
        <div>
          <h1 className="text-xl font-semibold">Billing</h1>
          <p className="text-sm text-slate-600">Seats consumed per license in the billing periods that overlap the chosen dates.</p>
        </div>
        {parsed.ok ? (
          <a href={`/console/billing/export?${new URLSearchParams({ from: parsed.from, to: parsed.to })}`} className={buttonClass("secondary")} download>
            Export CSV
          </a>
        ) : null}
      </div>

      <form method="get" className="flex flex-wrap items-end gap-3 rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200" aria-label="Report range">
        <Field label="From" htmlFor="from">
          <Input id="from" name="from" type="date" defaultValue={parsed.from} required />
        </Field>
        <Field label="To (inclusive)" htmlFor="to">
          <Input id="to" name="to" type="date" defaultValue={parsed.to} required />
        </Field>
        <button type="submit" className={buttonClass("primary")}>Show report</button>
        {!parsed.ok ? (
          <p role="alert" className="w-full text-sm text-red-700">{parsed.error}</p>
        ) : null}
      </form>

      {report ? (
        <>
          <div className="grid grid-cols-3 gap-4">
            <Stat label="Licenses" value={report.totals.licenses.toLocaleString("en-US")} />
            <Stat label="Billing periods" value={report.totals.periods.toLocaleString("en-US")} />
            <Stat label="Seats consumed" value={<span data-testid="total-consumed">{report.totals.seatsConsumed.toLocaleString("en-US")}</span>} hint="sum over the periods shown" />
          </div>
          <Card title={`Periods overlapping ${parsed.from} – ${parsed.to}`}>
            {report.rows.length === 0 ? (
              <p className="py-6 text-center text-sm text-slate-500">No billing periods overlap these dates. Pick another range.</p>
            ) : (
              <div className="overflow-x-auto">
                <table className="w-full text-left text-sm" data-testid="billing-report">
                  <thead className="text-xs text-slate-500 uppercase">
                    <tr>
                      <th scope="col" className="py-2 pr-4">Customer</th>
                      <th scope="col" className="pr-4">License</th>
                      <th scope="col" className="pr-4">Product</th>
                      <th scope="col" className="pr-4">Period</th>
                      <th scope="col" className="pr-4">Status</th>
                      <th scope="col" className="text-right">Seats consumed</th>
                    </tr>
                  </thead>
                  <tbody className="divide-y divide-slate-100">
                    {report.rows.map((r) => (
                      <tr key={r.periodId} data-license-id={r.licenseId}>
                        <td className="py-2 pr-4">{r.customer ?? "—"}</td>
                        <td className="pr-4">
                          <Link href={`/console/licenses/${r.licenseId}/billing`} className="text-indigo-700 hover:underline">
                            {r.licenseName ?? "Unnamed"}
                          </Link>
                          <div className="font-mono text-xs text-slate-500">{r.licenseKey}</div>
                        </td>
                        <td className="pr-4">{r.product}</td>
                        <td className="pr-4 whitespace-nowrap">{day(r.periodStart)} – {day(r.periodEnd)}</td>
                        <td className="pr-4">{r.current ? "Current" : r.closed ? "Closed" : "Ended"}</td>
                        <td className="text-right tabular-nums">
                          {r.seatsConsumed} <span className="text-slate-400">/ {r.seatLimit}</span>
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
            {pages > 1 ? (
              <nav className="mt-4 flex items-center justify-between text-sm" aria-label="Pagination">
                <span className="text-slate-600">Page {page} of {pages.toLocaleString("en-US")}</span>
                <span className="flex gap-2">
                  {page > 1 ? <Link className={buttonClass("secondary")} href={query(page - 1)}>Previous</Link> : null}
                  {page < pages ? <Link className={buttonClass("secondary")} href={query(page + 1)}>Next</Link> : null}
                </span>
              </nav>
            ) : null}
          </Card>
        </>
      ) : null}
    </div>
  );
}
