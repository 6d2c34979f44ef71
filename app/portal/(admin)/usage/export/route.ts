import { errorResponse } from "@/lib/api/handler";
import { orgActorOrThrow } from "@/lib/portal/session";
import { dailyCsv, periodsCsv, usageReport } from "@/lib/portal/usage-report";

export const dynamic = "force-dynamic";

/** CSV of the usage report, for the signed-in org admin's own organization only. */
export async function GET(req: Request) {
  try {
    const actor = await orgActorOrThrow();
    const url = new URL(req.url);
    const kind = url.searchParams.get("report") === "daily" ? "daily" : "periods";
    const days = Number(url.searchParams.get("days")) || 90;
    const report = await usageReport(actor, { days });
    const csv = kind === "daily" ? dailyCsv(report.daily) : periodsCsv(report.periods);
    const stamp = new Date().toISOString().slice(0, 10);
    const slug = actor.organizationName.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "") || "organization";
    return new Response(csv, {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="${slug}-usage-${kind}-${stamp}.csv"`,
        "cache-control": "no-store",
      },
    });
  } catch (error) {
    // Members get the same JSON 404 as for anything else that isn't theirs.
    return errorResponse(error);
  }
}
