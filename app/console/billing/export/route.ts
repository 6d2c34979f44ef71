import { currentUser } from "@/lib/auth/session";
import { billingReportBatches } from "@/lib/billing/billing-report";
import { csvLine, REPORT_COLUMNS, reportRowToCsv } from "@/lib/billing/csv";
import { parseReportRange } from "@/lib/billing/report-range";
import { describeErrorForLog } from "../../../../lib/security/redact";

export const dynamic = "force-dynamic";

/** Streams the billing report as CSV in keyset batches: constant memory however many licenses. */
export async function GET(req: Request) {
  const user = await currentUser();
  if (!user || user.kind !== "staff") {
    return Response.json({ error: { code: "UNAUTHORIZED", message: "Sign in to export the billing report" } }, { status: 401 });
  }
  const url = new URL(req.url);
  const parsed = parseReportRange({ from: url.searchParams.get("from") ?? undefined, to: url.searchParams.get("to") ?? undefined });
  if (!parsed.ok) return Response.json({ error: { code: "INVALID_REQUEST", message: parsed.error } }, { status: 400 });
  const encoder = new TextEncoder();
  const batches = billingReportBatches(parsed.range);
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(csvLine([...REPORT_COLUMNS])));
    },
    async pull(controller) {
      try {
        const next = await batches.next();
        if (next.done) return controller.close();
        controller.enqueue(encoder.encode(next.value.map(reportRowToCsv).join("")));
      } catch (error) {
        console.error("[billing] CSV export failed", describeErrorForLog(error));
        controller.error(error);
      }
    },
    async cancel() {
      await batches.return(undefined);
    },
  });
  return new Response(stream, {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="seatwise-billing-${parsed.from}-to-${parsed.to}.csv"`,
      "cache-control": "no-store",
    },
  });
}
