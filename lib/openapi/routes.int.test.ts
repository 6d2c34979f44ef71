import { readFileSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { registeredRoutes } from "./registry";
import "./routes";

const root = path.resolve(import.meta.dirname, "../..");

type TSpecced = { spec?: { auth: string; body?: unknown; query?: unknown } };

/** The module a route file imports `name` from (`@/…` paths), or null. */
function importSource(source: string, name: string): string | null {
  for (const match of source.matchAll(/import\s*\{([^}]*)\}\s*from\s*"@\/([^"]+)"/g)) {
    const names = match[1]!.split(",").map((n) => n.trim().split(/\s+as\s+/)[0]);
    if (names.includes(name)) return match[2]!;
  }
  return null;
}

// Integration project: importing route modules loads the database client.
describe("OpenAPI registry ↔ route handlers", () => {
  it("documents the very zod objects each route validates with", async () => {
    let checked = 0;
    for (const route of registeredRoutes().filter((r) => !r.pending)) {
      const dir = route.path.replace(/^\//, "").replace(/\{(\w+)\}/g, "[$1]");
      const file = path.join(root, "app", dir, "route.ts");
      const mod = (await import(file)) as Record<string, TSpecced>;
      const handler = mod[route.method.toUpperCase()];
      expect(handler, `${route.method} ${route.path}`).toBeTypeOf("function");
      if (!handler?.spec) continue;
      if (route.bodyVariants) {
        // The route takes any JSON and parses one variant inside: each documented variant must be the
        // very object the route imports and parses with, and the route must parse nothing else.
        expect(handler.spec.body instanceof z.ZodUnknown, `${route.method} ${route.path}: variants documented but the route validates a fixed body`).toBe(true);
        const source = readFileSync(file, "utf8");
        const parsed = [...source.matchAll(/parse\((\w+),\s*body\)/g)].map((m) => m[1]).sort();
        expect(parsed, `${route.method} ${route.path}: parsed body schemas`).toEqual(Object.keys(route.bodyVariants).sort());
        for (const [name, schema] of Object.entries(route.bodyVariants)) {
          const from = importSource(source, name);
          expect(from, `${route.method} ${route.path}: ${name} is not imported`).not.toBeNull();
          const lib = (await import(path.join(root, from!))) as Record<string, unknown>;
          expect(lib[name] === schema, `${route.method} ${route.path}: ${name} differs from the route's`).toBe(true);
        }
      } else if (!route.manualBody) expect(handler.spec.body === route.body, `${route.method} ${route.path}: body schema differs from the route's`).toBe(true);
      expect(handler.spec.query === route.query, `${route.method} ${route.path}: query schema differs from the route's`).toBe(true);
      expect(handler.spec.auth === "admin", `${route.method} ${route.path}: auth`).toBe(route.auth === "admin");
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });
});
