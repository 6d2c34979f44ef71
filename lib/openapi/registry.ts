import type { z } from "zod";
import type { TErrorCode } from "../api/errors";

export type THttpMethod = "get" | "post" | "patch" | "put" | "delete";

/** Who may call a route: decides the security scheme in the document and whether the relay forwards it. */
export type TRouteAudience = "client" | "admin" | "public";

/**
 * One API route, declared once: the request schemas are the very zod objects the route
 * validates with (an integration test checks identity), so the document cannot drift.
 */
export type TRouteSpec = {
  method: THttpMethod;
  /** OpenAPI path, e.g. /api/v1/admin/licenses/{id}. */
  path: string;
  audience: TRouteAudience;
  summary: string;
  description?: string;
  tags: string[];
  /** Security: "none", an admin API token, or (client routes) an optional user token. */
  auth: "none" | "admin" | "user-optional" | "user" | "basic";
  body?: z.ZodType;
  /**
   * Routes that take `body: z.unknown()` in apiRoute and parse one of several shapes inside (license key
   * vs. user token): the schemas they parse with, keyed by their export name. `body` documents their union;
   * the drift test checks the route imports and parses these very objects.
   */
  bodyVariants?: Record<string, z.ZodType>;
  /** The route parses its body itself (not through apiRoute), with this same schema object. */
  manualBody?: true;
  query?: z.ZodObject;
  params?: z.ZodObject;
  /** Successful answers by status. */
  responses: Partial<Record<200 | 201 | 204, { description: string; schema?: z.ZodType; headers?: Record<string, string> }>>;
  /** Every refusal this route can answer, beyond INVALID_REQUEST/INTERNAL_ERROR which every route has. */
  errors: TErrorCode[];
  /** Declared ahead of its route file (another branch builds it); see lib/openapi/README in the report. */
  pending?: boolean;
};

const routes: TRouteSpec[] = [];

export function defineRoute(spec: TRouteSpec): TRouteSpec {
  if (routes.some((r) => r.method === spec.method && r.path === spec.path)) throw new Error(`Route declared twice: ${spec.method} ${spec.path}`);
  routes.push(spec);
  return spec;
}

export function registeredRoutes(): readonly TRouteSpec[] {
  return routes;
}
