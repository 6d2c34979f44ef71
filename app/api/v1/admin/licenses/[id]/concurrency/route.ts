import { apiRoute } from "@/lib/api/handler";
import { concurrencyCsv } from "@/lib/reports/concurrency";
import { concurrencyReport } from "@/lib/reports/concurrency-report";
import { ZConcurrencyQuery } from "@/lib/reports/schemas";


/** GET ?range=24h|7d|30d|90d&bucket=hour|day[&format=csv]: the license's concurrency report. */
export const GET = apiRoute({ auth: "admin", query: ZConcurrencyQuery }, async ({ params, query, req }) => {
  const report = await concurrencyReport(params.id!, query);
  if (new URL(req.url).searchParams.get("format") !== "csv") return report;
  return new Response(concurrencyCsv(report.points, report.seatLimit), {
    headers: { "content-type": "text/csv; charset=utf-8", "cache-control": "no-store" },
  });
});
