// One autocannon run against a running server, reduced to the numbers the benchmark table shows.
import autocannon from "autocannon";

export type TScenario = {
  name: string;
  /** Requests a connection sends in a loop; bodies are built per request from the connection's context. */
  requests: { method: "GET" | "POST"; path: string; body?: (ctx: Record<string, unknown>) => unknown; headers?: Record<string, string> }[];
  connections?: number;
};

export type TScenarioResult = {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  total: number;
};

export async function runScenario(baseUrl: string, scenario: TScenario, durationSeconds: number): Promise<TScenarioResult> {
  const result = await autocannon({
    url: baseUrl,
    connections: scenario.connections ?? 50,
    duration: durationSeconds,
    requests: scenario.requests.map((r) => ({
      method: r.method,
      path: r.path,
      headers: { "content-type": "application/json", ...r.headers },
      setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) =>
        r.body ? { ...req, body: JSON.stringify(r.body(context)) } : req,
    })),
  } as unknown as autocannon.Options);
  return {
    name: scenario.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    errors: result.errors + result.timeouts + result.non2xx,
    total: result.requests.total,
  };
}
