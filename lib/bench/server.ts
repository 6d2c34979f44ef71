// Starts `next start` for the benchmark and waits until it answers.
import { execFileSync, spawn, type ChildProcess } from "node:child_process";
import { nextBin, root } from "../cli/build";

/**
 * The Node.js binary that runs the server: BENCH_NODE when set (e.g. a Node 24 from `npm install node@24`),
 * else the one running the benchmark. The load generator always runs on the benchmark's own Node.
 */
export const serverNode = process.env.BENCH_NODE || process.execPath;

export function serverNodeVersion(): string {
  return serverNode === process.execPath ? process.version : execFileSync(serverNode, ["--version"], { encoding: "utf8" }).trim();
}

export async function startServer(port: number, env: Record<string, string | undefined>): Promise<{ url: string; stop: () => Promise<void> }> {
  const child: ChildProcess = spawn(serverNode, [nextBin, "start", "-p", String(port), "-H", "127.0.0.1"], {
    cwd: root,
    env: { ...process.env, ...env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1" },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${url}/api/health`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error("server did not start within 60 s");
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null || child.signalCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGTERM");
      }),
  };
}

/** Signs in through next-auth's credentials endpoint and returns the session cookie header. */
export async function staffCookie(url: string, email: string, password: string): Promise<string> {
  const csrfRes = await fetch(`${url}/api/auth/csrf`);
  const { csrfToken } = (await csrfRes.json()) as { csrfToken: string };
  const jar = (csrfRes.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0]).join("; ");
  const res = await fetch(`${url}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: jar },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  const cookies = [...jar.split("; "), ...(res.headers.getSetCookie?.() ?? []).map((c) => c.split(";")[0])].filter(Boolean);
  if (!cookies.some((c) => c?.includes("session-token"))) throw new Error("benchmark sign-in failed");
  return cookies.join("; ");
}

/** p50/p95 of sequential GETs: page loads as one user sees them. */
export async function timePage(url: string, path: string, cookie: string, count: number) {
  const times: number[] = [];
  for (let i = 0; i < count; i++) {
    const start = performance.now();
    const res = await fetch(`${url}${path}`, { headers: { cookie } });
    await res.text();
    if (!res.ok) throw new Error(`${path} answered ${res.status}`);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))]!;
  return { p50: at(0.5), p95: at(0.95), max: times[times.length - 1]! };
}
