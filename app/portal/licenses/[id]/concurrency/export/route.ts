import { errorResponse } from "@/lib/api/handler";
import { orgConcurrencyReport } from "@/lib/portal/org-license-reports";
import { orgActorOrThrow } from "@/lib/portal/session";
import { concurrencyCsvResponse } from "@/lib/reports/concurrency-report";
import { ZConcurrencyQuery } from "@/lib/reports/schemas";

export const dynamic = "force-dynamic";

/** The concurrency report as CSV, for an admin of the license's organization only (404 to anyone else signed in). */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const actor = await orgActorOrThrow();
    const { id } = await params;
    const query = ZConcurrencyQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
    return concurrencyCsvResponse(await orgConcurrencyReport(actor, id, query));
  } catch (error) {
    return errorResponse(error);
  }
}
