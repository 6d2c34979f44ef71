/**
 * Every API route that doesn't require an admin token must say which rate limit guards it
 * (`apiRoute({ rateLimit: "client" | "auth" | "admin-token" | "activation-form" })`), or opt out
 * explicitly with `rateLimit: false` and a reason in ALLOWED_UNLIMITED. New public routes can't slip
 * through unthrottled.
 */
import { readdirSync, statSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { TRouteMeta } from "@/lib/api/handler";

const ROOT = path.resolve(import.meta.dirname, "../..");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"];

/** Public routes that are deliberately not rate-limited here, and why. */
const ALLOWED_UNLIMITED: Record<string, string> = {
  "app/api/auth/[...nextauth]/route.ts": "next-auth's handler: password checks are throttled inside authorize() (lib/rate-limit/sign-in-throttle.ts)",
  "app/api/health/route.ts": "liveness probe and the benchmark's empty-route ceiling: touches no database (a limiter would) and reveals nothing",
  "app/api/v1/openapi.json/route.ts": "force-static: rendered once at build time and served from the static cache, so no per-request code runs to limit",
};

function routeFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (statSync(full).isDirectory()) return routeFiles(full);
    return /^route\.tsx?$/.test(name) ? [full] : [];
  });
}

describe("rate-limit coverage", () => {
  it("every public API route declares its rate limit", async () => {
    const missing: string[] = [];
    for (const full of routeFiles(path.join(ROOT, "app/api"))) {
      const rel = path.relative(ROOT, full).split(path.sep).join("/");
      if (ALLOWED_UNLIMITED[rel]) continue;
      const mod = await import(/* @vite-ignore */ full);
      for (const method of METHODS) {
        const handler = mod[method] as ({ routeOptions?: TRouteMeta } & ((...a: unknown[]) => unknown)) | undefined;
        if (!handler) continue;
        const meta = handler.routeOptions;
        if (!meta) missing.push(`${method} ${rel}: not built with apiRoute()`);
        else if (meta.auth !== "admin" && meta.rateLimit === undefined) missing.push(`${method} ${rel}: auth "${meta.auth}" without rateLimit`);
      }
    }
    expect(missing).toEqual([]);
  });
});
