// One autocannon run against a running server, reduced to the numbers the benchmark table shows.
import autocannon from "autocannon";

export type TScenario = {
  name: string;
  /** Requests a connection sends in a loop; bodies are built per request from the connection's context. */
  requests: { method: "GET" | "POST"; path: string; body?: (ctx: Record<string, unknown>) => unknown; headers?: Record<string, string> }[];
  connections?: number;
  /** An X-Forwarded-For per request (the server trusts one proxy): clients at many addresses. */
  forwardedFor?: () => string;
  /** Another server than the run's (two servers compared run by run). */
  baseUrl?: string;
  /** Run after each run, unmeasured: undo what a run cut short left behind (a seat taken, not released). */
  settle?: (baseUrl: string) => Promise<void>;
};

export type TScenarioResult = {
  name: string;
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  /** What the errors were: answers outside 2xx, requests past autocannon's timeout, socket errors. */
  errorKinds: { non2xx: number; timeouts: number; socket: number };
  /** The first few answers outside 2xx (status and start of the body), so an error can be explained. */
  refusals: string[];
  total: number;
};

/** For `durationSeconds`, or with `amount`, until that many requests were answered (a warm-up pass). */
export async function runScenario(runUrl: string, scenario: TScenario, durationSeconds: number, amount?: number): Promise<TScenarioResult> {
  const baseUrl = scenario.baseUrl ?? runUrl;
  const refusals: string[] = [];
  const result = await autocannon({
    url: baseUrl,
    connections: scenario.connections ?? 50,
    ...(amount ? { amount } : { duration: durationSeconds }),
    requests: scenario.requests.map((r) => ({
      method: r.method,
      path: r.path,
      headers: { "content-type": "application/json", ...r.headers },
      setupRequest: (req: Record<string, unknown>, context: Record<string, unknown>) => {
        const withBody = r.body ? { ...req, body: JSON.stringify(r.body(context)) } : req;
        if (!scenario.forwardedFor) return withBody;
        return { ...withBody, headers: { ...(req.headers as Record<string, string>), "x-forwarded-for": scenario.forwardedFor() } };
      },
      onResponse: (status: number, body: string) => {
        if ((status < 200 || status > 299) && refusals.length < 5) refusals.push(`${status} ${String(body).slice(0, 160)}`);
      },
    })),
  } as unknown as autocannon.Options);
  await scenario.settle?.(baseUrl);
  return {
    name: scenario.name,
    rps: result.requests.average,
    p50: result.latency.p50,
    p99: result.latency.p99,
    // autocannon counts a timeout as an error too.
    errors: result.errors + result.non2xx,
    refusals,
    errorKinds: { non2xx: result.non2xx, timeouts: result.timeouts, socket: result.errors - result.timeouts },
    total: result.requests.total,
  };
}
