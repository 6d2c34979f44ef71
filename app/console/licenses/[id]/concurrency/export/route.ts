import { errorResponse, json } from "@/lib/api/handler";
import { currentUser } from "@/lib/auth/session";
import { concurrencyCsvResponse, concurrencyReport, ZConcurrencyQuery } from "@/lib/reports/concurrency-report";

export const dynamic = "force-dynamic";

/** The concurrency report as CSV for signed-in staff (read-only staff included: it changes nothing). */
export async function GET(req: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    const user = await currentUser();
    if (!user || user.kind !== "staff") return json({ error: { code: "UNAUTHORIZED", message: "Sign in to download reports" } }, 401);
    const { id } = await params;
    const query = ZConcurrencyQuery.parse(Object.fromEntries(new URL(req.url).searchParams));
    return concurrencyCsvResponse(await concurrencyReport(id, query));
  } catch (error) {
    return errorResponse(error);
  }
}
