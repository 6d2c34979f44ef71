// Liveness for load balancers, and the "empty route" ceiling the benchmark compares every endpoint with:
// it deliberately touches nothing (no database, no auth), so it measures the framework alone.
export const dynamic = "force-dynamic";

export function GET() {
  return Response.json({ ok: true });
}
