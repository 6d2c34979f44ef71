/**
 * Property-based fuzzing of every JSON route: malformed JSON, wrong types, huge numbers, unicode edge
 * cases, oversized input, prototype-pollution keys, SQL and HTML metacharacters. Whatever comes in,
 * the answer is never a 5xx, always JSON, and every error is { error: { code, message } }.
 */
import fc from "fast-check";
import { renderToStaticMarkup } from "react-dom/server";
import { beforeAll, describe, expect, it, vi } from "vitest";

// The dashboard's tables keep their state in the URL (useRouter/useSearchParams), which needs the
// App Router mounted. Rendering outside Next.js, give them an inert router at /console.
vi.mock("next/navigation", async (importOriginal) => ({
  ...(await importOriginal<typeof import("next/navigation")>()),
  useRouter: () => ({ push: () => undefined, replace: () => undefined, refresh: () => undefined, prefetch: () => undefined, back: () => undefined, forward: () => undefined }),
  usePathname: () => "/console",
  useSearchParams: () => new URLSearchParams(),
}));
import { POST as activate } from "@/app/api/v1/activations/route";
import { DELETE as deleteActivation } from "@/app/api/v1/admin/activations/[id]/route";
import { GET as listActivations } from "@/app/api/v1/admin/licenses/[id]/activations/route";
import { GET as getLicense, PATCH as patchLicense } from "@/app/api/v1/admin/licenses/[id]/route";
import { GET as listLicenses, POST as createLicense } from "@/app/api/v1/admin/licenses/route";
import { POST as createOrganization } from "@/app/api/v1/admin/organizations/route";
import { POST as createPolicy } from "@/app/api/v1/admin/policies/route";
import { PATCH as patchPolicy } from "@/app/api/v1/admin/policies/[id]/route";
import { POST as createProduct } from "@/app/api/v1/admin/products/route";
import { POST as createToken } from "@/app/api/v1/admin/tokens/route";
import { POST as deactivate } from "@/app/api/v1/deactivations/route";
import { POST as heartbeat } from "@/app/api/v1/heartbeats/route";
import { POST as validate } from "@/app/api/v1/validate/route";
import { POST as renewLicense } from "@/app/api/v1/admin/licenses/[id]/renew/route";
import { POST as createInvitation } from "@/app/api/v1/admin/organizations/[id]/invitations/route";
import { PATCH as patchOrgUser } from "@/app/api/v1/admin/organizations/[id]/users/[userId]/route";
import { POST as createOrgUser } from "@/app/api/v1/admin/organizations/[id]/users/route";
import { PATCH as patchWebhook } from "@/app/api/v1/admin/webhooks/[id]/route";
import { POST as createWebhook } from "@/app/api/v1/admin/webhooks/route";
import { POST as signInUser } from "@/app/api/v1/auth/token/route";
import { POST as licenseFile } from "@/app/api/v1/license-files/route";
import { createOrgUser as addOrgUser } from "@/lib/orgs/create-org-user";
import { createWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { activateSeat } from "@/lib/licensing/activate-seat";
import ConsoleHome from "@/app/console/page";
import { db } from "@/lib/db";
import { makeAdminToken, makeLicense, makeStaff, staffCtx, uniq } from "@/lib/test/factories";
import { callRoute, type TCallOptions } from "@/lib/test/http";

// Rate limits are covered by their own suite; here they'd only stop the fuzzer early.
process.env.SEATWISE_RATE_LIMITS = "off";

type THandler = Parameters<typeof callRoute>[0];
// Small by default so `npm test` stays quick; FUZZ_RUNS=500 for a deeper run.
const NUM_RUNS = Number(process.env.FUZZ_RUNS || 15);

const HOSTILE_STRINGS = [
  "",
  " ",
  "\u0000",
  "a\u0000b",
  "\uD800",
  "\uDFFFx\uD800",
  "\u202Eevil\u202C",
  "\u200B\u200C\u200D\uFEFF",
  "שלום עולם",
  "👩‍👩‍👧‍👦".repeat(20),
  "' OR '1'='1' --",
  "'; DROP TABLE \"License\"; --",
  "%' AND 1=1; --",
  "\\x00\\'\\\"",
  "<script>alert(1)</script>",
  "<img src=x onerror=alert(1)>",
  "\"><svg/onload=alert(1)>",
  "${7*7}{{7*7}}",
  "../../../../etc/passwd",
  "x".repeat(300),
  "y".repeat(20_000),
];
const HOSTILE_NUMBERS = [0, -0, -1, 1.5, 1e308, -1e308, Number.MAX_SAFE_INTEGER + 2, 2 ** 31, -(2 ** 31) - 1, 1e-320];
const POLLUTION_KEYS = ["__proto__", "constructor", "prototype"];

const hostileScalar = fc.oneof(
  fc.constantFrom(...HOSTILE_STRINGS),
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.string({ unit: "binary", maxLength: 64 }),
  fc.string({ maxLength: 400 }),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const hostileValue = fc.oneof(hostileScalar, fc.array(hostileScalar, { maxLength: 4 }), fc.dictionary(fc.string({ maxLength: 8 }), hostileScalar, { maxKeys: 3 }));

/** A body that looks like the route's input (its field names) with hostile values, plus junk keys. */
function bodyFor(fields: string[], valid: Record<string, unknown>) {
  return fc
    .record({
      base: fc.constantFrom(valid, {}),
      overrides: fc.dictionary(fc.constantFrom(...fields, ...POLLUTION_KEYS, "extra"), hostileValue, { maxKeys: 4 }),
    })
    .map(({ base, overrides }) => JSON.stringify({ ...base, ...overrides }).replace('"extra"', '"__proto__"'));
}

const rawBodies = fc.oneof(
  fc.string({ maxLength: 200 }),
  fc.string({ unit: "binary", maxLength: 200 }),
  fc.constantFrom("{", "}", "[]", "null", "true", "1e400", "-1e400", '{"a":', '{"__proto__":{"polluted":true}}', '{"constructor":{"prototype":{"polluted":true}}}', "\u0000", "\uFEFF{}", '{"key":"\\ud800"}', `{"key":"${"z".repeat(17_000)}"}`),
  fc.jsonValue().map((v) => JSON.stringify(v)),
);

type TTarget = { file: string; name: string; handler: THandler; method: string; fields: string[]; valid: () => Record<string, unknown>; options?: () => TCallOptions; runs?: number };

let admin: string;
let ctx: { key: string; licenseId: string; policyId: string; productId: string; organizationId: string; staffBasic: string; orgUserId: string; orgUserEmail: string; webhookId: string; seatFingerprint: string };

beforeAll(async () => {
  admin = (await makeAdminToken()).authorization;
  const l = await makeLicense({ license: { seats: 100_000 } });
  const staff = await makeStaff();
  ctx = {
    key: l.key,
    licenseId: l.license.id,
    policyId: l.policy.id,
    productId: l.product.id,
    organizationId: l.organization.id,
    staffBasic: `Basic ${Buffer.from(`${staff.email}:${staff.password}`).toString("base64")}`,
    orgUserId: "",
    orgUserEmail: `${uniq("fuzz")}@example.test`,
    webhookId: "",
    seatFingerprint: "fz-seat",
  };
  const created = await addOrgUser(ctx.organizationId, { email: ctx.orgUserEmail, name: "Fuzz User", password: "fuzz password 123" }, staffCtx);
  ctx.orgUserId = created.user.id;
  // Disabled: the fuzzer's other routes create events, and nothing should be delivered anywhere.
  ctx.webhookId = (await createWebhookEndpoint({ url: "https://example.test/hooks", enabled: false }, staffCtx)).id;
  await activateSeat({ key: ctx.key, fingerprint: ctx.seatFingerprint }, { actor: { type: "SYSTEM" } });
});

function targets(): TTarget[] {
  const auth = () => ({ headers: { authorization: admin } });
  const device = ["key", "fingerprint", "friendlyName", "hostname", "platform", "appVersion", "nonce"];
  return [
    { file: "app/api/v1/activations/route.ts", name: "POST /activations", handler: activate, method: "POST", fields: device, valid: () => ({ key: ctx.key, fingerprint: `fz-${Math.random()}` }) },
    { file: "app/api/v1/validate/route.ts", name: "POST /validate", handler: validate, method: "POST", fields: device, valid: () => ({ key: ctx.key, fingerprint: "fz" }) },
    { file: "app/api/v1/heartbeats/route.ts", name: "POST /heartbeats", handler: heartbeat, method: "POST", fields: device, valid: () => ({ key: ctx.key, fingerprint: "fz" }) },
    { file: "app/api/v1/deactivations/route.ts", name: "POST /deactivations", handler: deactivate, method: "POST", fields: device, valid: () => ({ key: ctx.key, fingerprint: "fz-none" }) },
    { file: "app/api/v1/admin/tokens/route.ts", name: "POST /admin/tokens", handler: createToken, method: "POST", fields: ["name"], valid: () => ({ name: "fuzz" }), options: () => ({ headers: { authorization: ctx.staffBasic } }), runs: 5 },
    { file: "app/api/v1/admin/products/route.ts", name: "POST /admin/products", handler: createProduct, method: "POST", fields: ["name", "code"], valid: () => ({ name: "P", code: `p${Math.random().toString(36).slice(2)}` }), options: auth },
    { file: "app/api/v1/admin/policies/route.ts", name: "POST /admin/policies", handler: createPolicy, method: "POST", fields: ["productId", "name", "model", "seats", "durationDays", "leaseDurationSeconds"], valid: () => ({ productId: ctx.productId, name: "Pol", seats: 3 }), options: auth },
    { file: "app/api/v1/admin/organizations/route.ts", name: "POST /admin/organizations", handler: createOrganization, method: "POST", fields: ["name"], valid: () => ({ name: "Org" }), options: auth },
    { file: "app/api/v1/admin/licenses/route.ts", name: "POST /admin/licenses", handler: createLicense, method: "POST", fields: ["policyId", "organizationId", "seats", "expiresAt", "name", "notes", "seatAlertThreshold"], valid: () => ({ policyId: ctx.policyId, organizationId: ctx.organizationId }), options: auth },
    { file: "app/api/v1/admin/policies/[id]/route.ts", name: "PATCH /admin/policies/[id]", handler: patchPolicy, method: "PATCH", fields: ["name", "model", "seats", "durationDays", "leaseDurationSeconds", "maxActivationsPerUser", "kind", "evaluationDays", "goodwillSeats", "deactivationCooldownHours", "checkInIntervalDays", "entitlements"], valid: () => ({ name: "Pol" }), options: () => ({ ...auth(), params: { id: ctx.policyId } }) },
    { file: "app/api/v1/license-files/route.ts", name: "POST /license-files", handler: licenseFile, method: "POST", fields: ["key", "fingerprint"], valid: () => ({ key: ctx.key, fingerprint: ctx.seatFingerprint }) },
    // Every attempt runs argon2: few runs keep the suite quick.
    { file: "app/api/v1/auth/token/route.ts", name: "POST /auth/token", handler: signInUser, method: "POST", fields: ["email", "password"], valid: () => ({ email: ctx.orgUserEmail, password: "fuzz password 123" }), runs: 5 },
    { file: "app/api/v1/admin/licenses/[id]/renew/route.ts", name: "POST /admin/licenses/[id]/renew", handler: renewLicense, method: "POST", fields: ["durationDays", "periodEnd"], valid: () => ({ durationDays: 30 }), options: () => ({ ...auth(), params: { id: ctx.licenseId } }) },
    { file: "app/api/v1/admin/organizations/[id]/users/route.ts", name: "POST /admin/organizations/[id]/users", handler: createOrgUser, method: "POST", fields: ["email", "name", "role", "canManageUsers", "canDeactivateSeats", "password"], valid: () => ({ email: `${uniq("fz")}@example.test`, name: "U" }), options: () => ({ ...auth(), params: { id: ctx.organizationId } }), runs: 8 },
    { file: "app/api/v1/admin/organizations/[id]/users/[userId]/route.ts", name: "PATCH /admin/organizations/[id]/users/[userId]", handler: patchOrgUser, method: "PATCH", fields: ["email", "name", "role", "canManageUsers", "canDeactivateSeats", "password", "disabled"], valid: () => ({ name: "Renamed" }), options: () => ({ ...auth(), params: { id: ctx.organizationId, userId: ctx.orgUserId } }), runs: 8 },
    { file: "app/api/v1/admin/organizations/[id]/invitations/route.ts", name: "POST /admin/organizations/[id]/invitations", handler: createInvitation, method: "POST", fields: ["email", "canManageUsers", "canDeactivateSeats", "expiresInDays"], valid: () => ({ expiresInDays: 7 }), options: () => ({ ...auth(), params: { id: ctx.organizationId } }) },
    { file: "app/api/v1/admin/webhooks/route.ts", name: "POST /admin/webhooks", handler: createWebhook, method: "POST", fields: ["url", "description", "events", "enabled"], valid: () => ({ url: "https://example.test/fuzz", enabled: false }), options: auth },
    { file: "app/api/v1/admin/webhooks/[id]/route.ts", name: "PATCH /admin/webhooks/[id]", handler: patchWebhook, method: "PATCH", fields: ["url", "description", "events", "enabled", "rotateSecret"], valid: () => ({ description: "d" }), options: () => ({ ...auth(), params: { id: ctx.webhookId } }) },
    { file: "app/api/v1/admin/licenses/[id]/route.ts", name: "PATCH /admin/licenses/[id]", handler: patchLicense, method: "PATCH", fields: ["seats", "status", "expiresAt", "name", "notes", "seatAlertThreshold"], valid: () => ({ notes: "n" }), options: () => ({ ...auth(), params: { id: ctx.licenseId } }) },
  ];
}

function knownBad(target: TTarget): [string][] {
  return target.fields.flatMap((field) =>
    ["a\u0000b", "x\uDFFF"].map((bad) => [JSON.stringify({ ...target.valid(), [field]: bad })] as [string]),
  );
}

function assertWellFormed(res: Awaited<ReturnType<typeof callRoute>>, label: string) {
  expect(res.status, `${label}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
  expect(res.json, `${label}: not JSON: ${res.text.slice(0, 200)}`).toBeDefined();
  if (res.status >= 400) {
    expect(typeof res.json.error?.code, label).toBe("string");
    expect(typeof res.json.error?.message, label).toBe("string");
    expect(res.text, label).not.toMatch(/\bat .+\.(ts|js):\d+|node_modules|Prisma|PrismaClient|stack/i);
  }
}

describe("fuzzing JSON routes", () => {
  for (const target of targets()) {
    it(`${target.name}: hostile bodies never cause a 5xx or a malformed error`, async () => {
      await fc.assert(
        fc.asyncProperty(fc.oneof(bodyFor(target.fields, target.valid()), rawBodies), async (rawBody) => {
          const res = await callRoute(target.handler, { method: target.method, rawBody, ...target.options?.() });
          assertWellFormed(res, `${target.name} ${JSON.stringify(rawBody.slice(0, 120))}`);
        }),
        // The cases that once reached the database as a 500 run every time, in every field.
        { numRuns: target.runs ? Math.min(target.runs, NUM_RUNS) : NUM_RUNS, examples: knownBad(target) },
      );
      expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    });
  }

  it("query strings and path ids of GET/DELETE routes never cause a 5xx", async () => {
    const hostile = fc.oneof(fc.constantFrom(...HOSTILE_STRINGS.filter((s) => s.length < 1000)), fc.string({ unit: "binary", maxLength: 40 }), fc.integer().map(String));
    await fc.assert(
      fc.asyncProperty(hostile, hostile, fc.constantFrom("page", "pageSize", "q", "status", "organizationId", "includeInactive", "__proto__"), async (value, id, param) => {
        const headers = { authorization: admin };
        for (const [label, handler, options] of [
          ["GET /admin/licenses", listLicenses, { query: { [param]: value } }],
          ["GET /admin/licenses/[id]", getLicense, { params: { id } }],
          ["GET /admin/licenses/[id]/activations", listActivations, { params: { id }, query: { [param]: value } }],
          ["DELETE /admin/activations/[id]", deleteActivation, { method: "DELETE", params: { id } }],
        ] as const) {
          assertWellFormed(await callRoute(handler as THandler, { headers, ...options }), `${label} ${JSON.stringify([param, value, id])}`);
        }
      }),
      { numRuns: NUM_RUNS },
    );
  });
});

describe("fuzz coverage", () => {
  it("every route that takes a JSON body has a fuzz target (add one to targets() above)", async () => {
    const { readdirSync, statSync } = await import("node:fs");
    const path = await import("node:path");
    const root = path.resolve(import.meta.dirname, "../..");
    const walk = (dir: string): string[] =>
      readdirSync(dir).flatMap((n) => (statSync(path.join(dir, n)).isDirectory() ? walk(path.join(dir, n)) : /^route\.tsx?$/.test(n) ? [path.join(dir, n)] : []));
    const covered = new Set(targets().map((t) => `${t.method} ${t.file}`));
    const missing: string[] = [];
    for (const full of walk(path.join(root, "app/api"))) {
      const mod = await import(/* @vite-ignore */ full);
      const file = path.relative(root, full).split(path.sep).join("/");
      for (const method of ["POST", "PUT", "PATCH", "DELETE"]) {
        const meta = (mod[method] as { routeOptions?: { jsonBody?: boolean } } | undefined)?.routeOptions;
        if (meta?.jsonBody && !covered.has(`${method} ${file}`)) missing.push(`${method} ${file}`);
      }
    }
    expect(missing).toEqual([]);
  });
});

describe("stored hostile text is rendered escaped", () => {
  it("an HTML/script organization name, license name and friendly name come out as text in the console", async () => {
    const payload = `<script>window.__pwned=1</script><img src=x onerror="alert(1)">`;
    const org = await callRoute(createOrganization, { headers: { authorization: admin }, body: { name: payload } });
    expect(org.status).toBe(201);
    const lic = await callRoute(createLicense, { headers: { authorization: admin }, body: { policyId: ctx.policyId, organizationId: org.json.organization.id, name: payload } });
    expect(lic.status).toBe(201);
    const act = await callRoute(activate, { body: { key: lic.json.license.key, fingerprint: "xss", friendlyName: payload } });
    expect(act.status).toBe(201);
    expect((await db.activation.findUniqueOrThrow({ where: { id: act.json.activation.id } })).friendlyName).toBe(payload);

    const html = renderToStaticMarkup(await ConsoleHome());
    expect(html).toContain("&lt;script&gt;window.__pwned=1&lt;/script&gt;&lt;img src=x onerror=&quot;alert(1)&quot;&gt;");
    expect(html).not.toContain("<script>window.__pwned");
    expect(html).not.toContain("<img src=x");
  });
});
