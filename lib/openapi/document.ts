import { createDocument, type ZodOpenApiOperationObject, type ZodOpenApiPathsObject } from "zod-openapi";
import { ERROR_STATUS, type TErrorCode } from "../api/errors";
import { registeredRoutes, type TRouteSpec } from "./registry";
import "./routes";
import { ZError, ZErrorCode } from "./schemas";
import { registeredWebhooks } from "./webhooks";

const ALWAYS: TErrorCode[] = ["INVALID_REQUEST", "INTERNAL_ERROR"];

const SECURITY: Record<TRouteSpec["auth"], Record<string, string[]>[] | undefined> = {
  none: [],
  admin: [{ adminToken: [] }],
  basic: [{ staffBasic: [] }],
  user: [{ userToken: [] }],
  // License key in the body, or a user token: both are valid.
  "user-optional": [{}, { userToken: [] }],
};

function errorResponses(codes: TErrorCode[]) {
  const byStatus = new Map<number, TErrorCode[]>();
  for (const code of [...new Set([...codes, ...ALWAYS])]) {
    const status = ERROR_STATUS[code];
    byStatus.set(status, [...(byStatus.get(status) ?? []), code]);
  }
  return Object.fromEntries(
    [...byStatus.entries()]
      .sort(([a], [b]) => a - b)
      .map(([status, list]) => [
        String(status),
        {
          // Backticks: renderers treat the underscores in bare codes as emphasis.
          description: `Error: ${list.map((code) => `\`${code}\``).join(", ")}`,
          ...(list.includes("SEAT_LIMIT_REACHED") || list.includes("RATE_LIMITED")
            ? { headers: { "Retry-After": { description: "Seconds to wait before trying again", schema: { type: "integer" as const } } } }
            : {}),
          content: { "application/json": { schema: ZError, examples: Object.fromEntries(list.map((code) => [code, { value: { error: { code, message: "…" } } }])) } },
        },
      ]),
  );
}

function operation(route: TRouteSpec): ZodOpenApiOperationObject {
  // zod-openapi types the map by status literals only.
  const responses: Record<string, any> = {};
  for (const [status, answer] of Object.entries(route.responses)) {
    if (!answer) continue;
    responses[status] = {
      description: answer.description,
      ...(route.audience === "client" ? { headers: { "Seatwise-Signature": { description: 'keyId="…", algorithm="ed25519", signature="…" over `<Date header>\\n<body bytes>`', schema: { type: "string" as const } } } } : {}),
      ...(answer.schema ? { content: { "application/json": { schema: answer.schema } } } : {}),
    };
  }
  Object.assign(responses, errorResponses(route.errors));
  return {
    operationId: `${route.method}${route.path.replace(/^\/api\/v1/, "").replace(/[{}]/g, "").replace(/[^a-zA-Z0-9]+(.)?/g, (_, c: string | undefined) => (c ? c.toUpperCase() : ""))}`,
    summary: route.summary,
    ...(route.description ? { description: route.description } : {}),
    tags: route.tags,
    security: SECURITY[route.auth],
    ...(route.query || route.params ? { requestParams: { ...(route.query ? { query: route.query } : {}), ...(route.params ? { path: route.params } : {}) } } : {}),
    ...(route.body ? { requestBody: { required: true, content: { "application/json": { schema: route.body } } } } : {}),
    responses,
  };
}

let cached: ReturnType<typeof createDocument> | null = null;

/** The OpenAPI 3.1 document of /api/v1, built from the route registry (cached per process). */
export function openApiDocument() {
  if (cached) return cached;
  const paths: ZodOpenApiPathsObject = {};
  for (const route of registeredRoutes()) {
    paths[route.path] = { ...paths[route.path], [route.method]: operation(route) };
  }
  const webhooks = Object.fromEntries(
    registeredWebhooks().map((hook) => [hook.event, { post: { summary: hook.summary, requestBody: { content: { "application/json": { schema: hook.payload } } }, responses: { "200": { description: "Any 2xx acknowledges the delivery; anything else is retried" } } } }]),
  );
  cached = createDocument({
    openapi: "3.1.0",
    info: {
      title: "Seatwise API",
      version: "1",
      description:
        "License server API. **Client** routes are called by your application (with a license key or a user token) and are safe to expose; " +
        "**Admin** routes need an admin API token. Every error answers `{ error: { code, message } }` with one of the codes of the `ErrorCode` schema.",
    },
    servers: [{ url: "/", description: "This server" }],
    tags: [
      { name: "Client", description: "Called by your application: activation, validation, heartbeats, offline files." },
      { name: "Offline", description: "License files and signatures, for machines without internet." },
      { name: "Users", description: "User sign-in (token flow) instead of license keys." },
      { name: "Admin", description: "Vendor automation with an admin API token." },
      { name: "Meta", description: "About the API itself." },
      { name: "Webhooks", description: "Events Seatwise sends to your endpoints (see `webhooks`)." },
    ],
    paths,
    webhooks,
    components: {
      schemas: { Error: ZError, ErrorCode: ZErrorCode },
      securitySchemes: {
        adminToken: { type: "http", scheme: "bearer", description: "Admin API token (from POST /api/v1/admin/tokens)" },
        userToken: { type: "http", scheme: "bearer", description: "User token sw_user_… (from POST /api/v1/auth/token)" },
        staffBasic: { type: "http", scheme: "basic", description: "Staff email and password" },
      },
    },
  });
  return cached;
}

