import path from "node:path";
import { describe, expect, it } from "vitest";
import { registeredRoutes } from "./registry";
import "./routes";

const root = path.resolve(import.meta.dirname, "../..");

type TSpecced = { spec?: { auth: string; body?: unknown; query?: unknown } };

// Integration project: importing route modules loads the database client.
describe("OpenAPI registry ↔ route handlers", () => {
  it("documents the very zod objects each route validates with", async () => {
    let checked = 0;
    for (const route of registeredRoutes().filter((r) => !r.pending)) {
      const dir = route.path.replace(/^\//, "").replace(/\{(\w+)\}/g, "[$1]");
      const mod = (await import(path.join(root, "app", dir, "route.ts"))) as Record<string, TSpecced>;
      const handler = mod[route.method.toUpperCase()];
      expect(handler, `${route.method} ${route.path}`).toBeTypeOf("function");
      if (!handler?.spec) continue;
      if (!route.manualBody) expect(handler.spec.body === route.body, `${route.method} ${route.path}: body schema differs from the route's`).toBe(true);
      expect(handler.spec.query === route.query, `${route.method} ${route.path}: query schema differs from the route's`).toBe(true);
      expect(handler.spec.auth === "admin", `${route.method} ${route.path}: auth`).toBe(route.auth === "admin");
      checked++;
    }
    expect(checked).toBeGreaterThan(10);
  });
});
