import http from "node:http";
import { createProxyServer } from "http-proxy-3";
import { isClientPath } from "./allowlist";
import { redactSecrets } from "../security/redact";

export type TRelayOptions = {
  /** The vendor's Seatwise, e.g. https://licenses.example.com */
  upstream: string;
  /** One line per request; defaults to stdout. */
  log?: (line: string) => void;
  /** Upstream answer timeout (default 30 s). */
  timeoutMs?: number;
};

function refuse(res: http.ServerResponse, status: number, code: string, message: string) {
  if (res.headersSent) return res.destroy();
  const body = JSON.stringify({ error: { code, message } });
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", "content-length": Buffer.byteLength(body), "cache-control": "no-store" });
  res.end(body);
}

/**
 * A reverse proxy for customer networks where one machine may reach the internet. It streams
 * bodies and headers untouched (Seatwise-Signature and Date stay verifiable), appends the
 * caller's address to X-Forwarded-For, and logs method, path, status and duration.
 */
export function createRelay(options: TRelayOptions): http.Server {
  const upstream = new URL(options.upstream);
  if (upstream.protocol !== "http:" && upstream.protocol !== "https:") throw new Error("--upstream must be an http(s) URL");
  const log = options.log ?? ((line: string) => console.log(redactSecrets(line)));
  const proxy = createProxyServer({
    target: upstream.origin,
    changeOrigin: true,
    xfwd: true,
    secure: true,
    proxyTimeout: options.timeoutMs ?? 30_000,
    timeout: options.timeoutMs ?? 30_000,
  });

  proxy.on("error", (error, _req, res) => {
    if (res instanceof http.ServerResponse) {
      refuse(res, 502, "UPSTREAM_UNAVAILABLE", `The license server could not be reached through the relay (${(error as NodeJS.ErrnoException).code ?? error.message})`);
    }
  });

  return http.createServer((req, res) => {
    const started = process.hrtime.bigint();
    const path = (req.url ?? "/").split("?")[0];
    res.on("finish", () => {
      const ms = Number(process.hrtime.bigint() - started) / 1e6;
      log(`${new Date().toISOString()} ${req.socket.remoteAddress ?? "-"} ${req.method} ${path} ${res.statusCode} ${ms.toFixed(1)}ms`);
    });
    if (!isClientPath(req.url ?? "")) {
      return refuse(res, 403, "FORBIDDEN", "This relay forwards the Seatwise client API only");
    }
    proxy.web(req, res);
  });
}
