// Serves the app's /api/v1 route handlers over real HTTP, in-process, for tests of HTTP clients
// (client library, relay, example app) without a `next start`. Like `next start`, it appends the
// socket's address to X-Forwarded-For. Optionally signs answers the way the offline-files work specifies.
import { readdirSync } from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { signatureHeader, signLicenseFile, type TTestKey } from "../client/test-signer";

const root = path.resolve(import.meta.dirname, "../..");

type THandler = (req: Request, ctx: { params: Promise<Record<string, string>> }) => Promise<Response>;
type TRoute = { pattern: RegExp; names: string[]; file: string };

function routes(): TRoute[] {
  const found: TRoute[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const rel = path.relative(path.join(root, "app"), dir).split(path.sep).join("/");
        const names: string[] = [];
        const source = rel.replace(/[.]/g, "\\.").replace(/\[(\w+)\]/g, (_, name: string) => (names.push(name), "([^/]+)"));
        found.push({ pattern: new RegExp(`^/${source}$`), names, file: full });
      }
    }
  };
  walk(path.join(root, "app/api/v1"));
  return found;
}

export type TRouteServer = { url: string; close: () => Promise<void>; requests: { path: string; forwardedFor: string | null }[] };

/**
 * Stand-ins for the offline-files routes while they are not on this branch: GET /api/v1/public-key
 * and POST /api/v1/license-files in the agreed formats, signed with the test key.
 */
async function fakeOfflineRoute(pathname: string, body: Buffer, key: TTestKey, table: TRoute[]): Promise<Response | null> {
  if (pathname === "/api/v1/public-key") {
    const entry = { keyId: key.keyId, publicKey: key.publicKey };
    return Response.json({ algorithm: "ed25519", ...entry, keys: [{ ...entry, active: true, createdAt: new Date().toISOString() }] });
  }
  if (pathname !== "/api/v1/license-files") return null;
  const validateRoute = table.find((r) => r.pattern.test("/api/v1/validate"))!;
  const { POST } = (await import(validateRoute.file)) as Record<string, THandler>;
  const input = JSON.parse(body.toString() || "{}");
  const res = await POST!(new Request("http://localhost/api/v1/validate", { method: "POST", body: JSON.stringify({ key: input.key, fingerprint: input.fingerprint }) }), { params: Promise.resolve({}) });
  const verdict = await res.json();
  if (!verdict.activation) return Response.json({ error: { code: "ACTIVATION_NOT_FOUND", message: "This machine holds no seat" } }, { status: 404 });
  const now = new Date();
  const payload = {
    version: 1,
    licenseId: verdict.license.id,
    product: verdict.license.product,
    policy: verdict.license.policy,
    organization: verdict.license.organization,
    fingerprint: verdict.activation.fingerprint,
    model: verdict.license.model,
    seats: verdict.license.seats.limit,
    entitlements: verdict.license.entitlements,
    issuedAt: now.toISOString(),
    expiresAt: verdict.license.expiresAt,
    validUntil: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
    activationId: verdict.activation.id,
  };
  return Response.json({ licenseFile: signLicenseFile(payload, key) });
}

export async function startRouteServer(options: { port?: number; sign?: TTestKey; fakeOffline?: boolean } = {}): Promise<TRouteServer> {
  const table = routes();
  // Load every route module up front: a first import compiles it, which on a busy machine can
  // take longer than a client's timeout.
  await Promise.all(table.map((route) => import(route.file)));
  const requests: TRouteServer["requests"] = [];
  const server = http.createServer(async (req, res) => {
    try {
      const url = new URL(req.url ?? "/", "http://localhost");
      const route = table.find((r) => r.pattern.test(url.pathname));
      const chunks: Buffer[] = [];
      for await (const chunk of req) chunks.push(chunk as Buffer);
      const forwardedFor = [req.headers["x-forwarded-for"], req.socket.remoteAddress].filter(Boolean).join(", ");
      requests.push({ path: url.pathname, forwardedFor: (req.headers["x-forwarded-for"] as string | undefined) ?? null });
      let response: Response;
      const mod = route ? ((await import(route.file)) as Record<string, THandler>) : null;
      const handler = mod?.[req.method ?? "GET"];
      const fake = !route && options.fakeOffline && options.sign ? await fakeOfflineRoute(url.pathname, Buffer.concat(chunks), options.sign, table) : null;
      if (fake) {
        response = fake;
      } else if (!route || !handler) {
        response = new Response(JSON.stringify({ error: { code: "NOT_FOUND", message: "No such route" } }), { status: 404 });
      } else {
        const match = route.pattern.exec(url.pathname)!;
        const params = Object.fromEntries(route.names.map((name, i) => [name, decodeURIComponent(match[i + 1]!)]));
        const headers = new Headers();
        for (const [key, value] of Object.entries(req.headers)) if (typeof value === "string") headers.set(key, value);
        headers.set("x-forwarded-for", forwardedFor);
        const body = chunks.length && req.method !== "GET" ? Buffer.concat(chunks) : undefined;
        response = await handler(new Request(url, { method: req.method, headers, body }), { params: Promise.resolve(params) });
      }
      const bytes = Buffer.from(await response.arrayBuffer());
      const out: Record<string, string> = Object.fromEntries(response.headers.entries());
      // A signed answer's Date is part of what was signed: keep it. Replacing it broke the signature
      // whenever the clock crossed a second between signing and sending (a flaky client test).
      out.date ??= new Date().toUTCString();
      if (options.sign && url.pathname.startsWith("/api/v1/") && !url.pathname.startsWith("/api/v1/admin/")) {
        out["seatwise-signature"] = signatureHeader(out.date, bytes, options.sign);
      }
      res.writeHead(response.status, out);
      res.end(bytes);
    } catch (error) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { code: "INTERNAL_ERROR", message: String(error) } }));
    }
  });
  await new Promise<void>((resolve) => server.listen(options.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}
