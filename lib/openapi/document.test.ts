import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { Validator } from "@seriousme/openapi-schema-validator";
import { describe, expect, it } from "vitest";
import { ERROR_STATUS } from "../api/errors";
import { PING_EVENT_TYPE, WEBHOOK_EVENT_TYPE_NAMES } from "../webhooks/event-types";
import { openApiDocument } from "./document";
import { registeredRoutes } from "./registry";

const root = path.resolve(import.meta.dirname, "../..");
const apiDir = path.join(root, "app/api/v1");
const METHODS = ["GET", "POST", "PUT", "PATCH", "DELETE"] as const;

/** Every route.ts under app/api/v1 with the HTTP methods it exports, as OpenAPI paths. */
function routeFiles(): { file: string; path: string; methods: string[] }[] {
  const found: { file: string; path: string; methods: string[] }[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name === "route.ts") {
        const source = readFileSync(full, "utf8");
        const methods = METHODS.filter((m) => new RegExp(`export\\s+(const|async function|function)\\s+${m}\\b`).test(source));
        const rel = path.relative(path.join(root, "app"), path.dirname(full)).split(path.sep).join("/");
        const openApiPath = `/${rel}`.replace(/\[\.\.\.(\w+)\]/g, "{$1}").replace(/\[(\w+)\]/g, "{$1}");
        found.push({ file: path.relative(root, full), path: openApiPath, methods: methods.map((m) => m.toLowerCase()) });
      }
    }
  };
  walk(apiDir);
  return found;
}

describe("OpenAPI document", () => {
  const document = openApiDocument();

  it("is a valid OpenAPI 3.1 document", async () => {
    const validator = new Validator();
    const result = await validator.validate(JSON.parse(JSON.stringify(document)));
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    expect(validator.version).toBe("3.1");
  });

  it("documents every method of every route.ts under app/api/v1", () => {
    const files = routeFiles();
    expect(files.length).toBeGreaterThan(10);
    const missing: string[] = [];
    for (const file of files) {
      expect(file.methods.length, `${file.file} exports no HTTP method`).toBeGreaterThan(0);
      for (const method of file.methods) {
        if (!(document.paths as Record<string, Record<string, unknown>>)[file.path]?.[method]) missing.push(`${method.toUpperCase()} ${file.path} (${file.file})`);
      }
    }
    expect(missing, "Declare these routes in lib/openapi/routes.ts").toEqual([]);
  });

  it("documents no route that has no route file, except ones declared pending (built on another branch)", () => {
    const files = routeFiles();
    for (const route of registeredRoutes()) {
      const file = files.find((f) => f.path === route.path && f.methods.includes(route.method));
      if (route.pending) expect(file, `${route.method} ${route.path} has a route file now: drop pending and import its schemas`).toBeUndefined();
      else expect(file, `${route.method} ${route.path} is documented but has no route file`).toBeDefined();
    }
  });

  it("lists every error code with its status, and only known codes per route", () => {
    const schemas = document.components?.schemas as Record<string, { enum?: string[] }>;
    expect([...(schemas.ErrorCode?.enum ?? [])].sort()).toEqual(Object.keys(ERROR_STATUS).sort());
    for (const route of registeredRoutes()) {
      for (const code of route.errors) expect(Object.keys(ERROR_STATUS)).toContain(code);
      const op = (document.paths as any)[route.path][route.method];
      for (const code of route.errors) expect(op.responses[String(ERROR_STATUS[code])].description).toContain(code);
      expect(op.responses["400"].description).toContain("INVALID_REQUEST");
    }
  });

  it("describes request bodies from the zod schemas the routes validate with", () => {
    const activate = (document.paths as any)["/api/v1/activations"].post;
    // A license key, or a user token and a licenseId: both body shapes are documented.
    const [byKey, byUser] = activate.requestBody.content["application/json"].schema.anyOf;
    expect(byKey.required).toEqual(expect.arrayContaining(["key", "fingerprint"]));
    expect(byKey.properties.fingerprint).toMatchObject({ type: "string", maxLength: 256 });
    expect(byUser.required).toEqual(expect.arrayContaining(["licenseId", "fingerprint"]));
    expect(byUser.properties.key).toBeUndefined();
    expect(activate.responses["409"].description).toContain("SEAT_LIMIT_REACHED");
    expect(activate.responses["409"].headers["Retry-After"]).toBeDefined();
    const list = (document.paths as any)["/api/v1/admin/licenses"].get;
    expect(list.parameters.map((p: { name: string }) => p.name)).toEqual(expect.arrayContaining(["page", "pageSize", "q", "status"]));
    expect(list.security).toEqual([{ adminToken: [] }]);
  });

  it("documents every webhook payload the server sends", () => {
    const hooks = document.webhooks as Record<string, any>;
    expect(Object.keys(hooks).sort()).toEqual([...WEBHOOK_EVENT_TYPE_NAMES, PING_EVENT_TYPE].sort());
    const created = hooks["license.created"].post.requestBody.content["application/json"].schema;
    expect(created.required).toEqual(expect.arrayContaining(["id", "type", "timestamp", "data"]));
  });
});
