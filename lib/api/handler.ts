/**
 * The one wrapper every /api/v1 route goes through: it reads and validates input, authenticates,
 * calls the domain function and turns every failure into `{ error: { code, message } }`.
 * Route files stay a few lines long and never format errors themselves.
 */
import "server-only";
import { z } from "zod";
import type { TContext } from "../events/record-event";
import { authenticateApiToken, type TAdminPrincipal } from "../auth/api-tokens";
import { authenticateUserToken, type TUserPrincipal } from "../orgs/user-tokens";
import { signResponse } from "../signing/sign-response";
import { enforceRateLimit, isLookupFailure, recordLookupFailure, refusedInMemory, type TRateLimitKind } from "../rate-limit/enforce-rate-limit";
import { ApiError, ERROR_STATUS, type TErrorCode } from "./errors";
import { describeErrorForLog } from "../security/redact";
import { requestIp } from "./request-ip";

export const MAX_BODY_BYTES = 16 * 1024;

/** "user": a bearer `sw_user_` token is required; "user-optional": used when sent (client routes that also take a key). */
type TAuthMode = "none" | "admin" | "user" | "user-optional";

type TArgs<TBody, TQuery, TAuth extends TAuthMode, TAhead> = {
  req: Request;
  body: TBody;
  query: TQuery;
  params: Record<string, string>;
  ctx: TContext;
  admin: TAuth extends "admin" ? TAdminPrincipal : null;
  user: TAuth extends "user" ? TUserPrincipal : TAuth extends "user-optional" ? TUserPrincipal | null : null;
  /** What the route's `readAhead` started, if anything. */
  ahead: TAhead | undefined;
};

type TUserOf<TAuth extends TAuthMode> = TArgs<unknown, unknown, TAuth, unknown>["user"];

type TRouteOptions<TBodySchema extends z.ZodType | undefined, TQuerySchema extends z.ZodType | undefined, TAuth extends TAuthMode, TAhead> = {
  auth: TAuth;
  body?: TBodySchema;
  query?: TQuerySchema;
  /** HTTP status of a successful answer (default 200). */
  status?: number;
  /** Client API: sign every answer, errors included (Date + Seatwise-Signature headers). */
  sign?: boolean;
  /**
   * Which rate limit guards the route (lib/rate-limit/limits.ts). "client": per IP and per license key
   * (the body's `key`), plus key-guessing protection; "auth": sign-in/token endpoints; "admin-token";
   * "activation-form". Every route must declare one or `false` (lib/security/rate-limit-coverage.int.test.ts).
   */
  rateLimit?: TRateLimitKind | false;
  /**
   * A read the handler will need, started in the same tick as the rate-limit counters so the two share
   * one round trip of waiting (e.g. the license-and-seat lookup). It must only read: it runs before the
   * request is admitted, and the handler (which gets it as `ahead`) still runs only after.
   */
  readAhead?: (args: { body: TInfer<TBodySchema>; user: TUserOf<TAuth> }) => TAhead | undefined;
};

type TInfer<T> = T extends z.ZodType ? z.infer<T> : undefined;

type TRouteContext = { params: Promise<Record<string, string | string[]>> };

export class JsonReply {
  constructor(
    readonly body: unknown,
    readonly status = 200,
    readonly headers: Record<string, string> = {},
  ) {}
}

/** Lets a handler choose its status (e.g. 201 vs 200) or add headers. */
export function reply(body: unknown, status = 200, headers: Record<string, string> = {}): JsonReply {
  return new JsonReply(body, status, headers);
}

export function apiRoute<
  TAuth extends TAuthMode,
  TBodySchema extends z.ZodType | undefined = undefined,
  TQuerySchema extends z.ZodType | undefined = undefined,
  TAhead = undefined,
>(
  options: TRouteOptions<TBodySchema, TQuerySchema, TAuth, TAhead>,
  handler: (args: TArgs<TInfer<TBodySchema>, TInfer<TQuerySchema>, TAuth, TAhead>) => Promise<unknown>,
) {
  const respond = async (req: Request, routeContext?: TRouteContext): Promise<Response> => {
    let rateHeaders: Record<string, string> = {};
    try {
      const ip = requestIp(req.headers);
      const params = Object.fromEntries(
        Object.entries((await routeContext?.params) ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]),
      );
      assertStorableText(params);
      const admin = options.auth === "admin" ? await authenticateAdmin(req) : null;
      const user = options.auth === "user" || options.auth === "user-optional" ? await authenticateUser(req, options.auth === "user") : null;
      const ctx: TContext = {
        ip,
        actor: admin
          ? { type: "API_TOKEN", id: admin.tokenId, label: admin.label }
          : user
            ? { type: "USER", id: user.userId, label: user.email }
            : { type: "ANONYMOUS" },
      };
      // Input is parsed before the rate limit so the license key can be counted; a parse error is
      // still counted (per IP) and only then reported.
      let body: unknown;
      let parseError: unknown = null;
      try {
        body = options.body ? parse(options.body, await readJson(req)) : undefined;
      } catch (error) {
        parseError = error;
      }
      const licenseKey = (body as { key?: unknown } | undefined)?.key;
      const ahead =
        options.readAhead && !parseError && !(options.rateLimit && refusedInMemory(options.rateLimit, { ip, licenseKey }))
          ? options.readAhead({ body: body as TInfer<TBodySchema>, user: user as TUserOf<TAuth> })
          : undefined;
      if (options.rateLimit) rateHeaders = await enforceRateLimit(options.rateLimit, { ip, licenseKey });
      if (parseError) throw parseError;
      const rawQuery = Object.fromEntries(new URL(req.url).searchParams);
      if (options.query) assertStorableText(rawQuery);
      const query = options.query ? parse(options.query, rawQuery) : undefined;
      let result: unknown;
      try {
        result = await handler({ req, body, query, params, ctx, admin, user, ahead } as TArgs<TInfer<TBodySchema>, TInfer<TQuerySchema>, TAuth, TAhead>);
      } catch (error) {
        if (options.rateLimit === "client" && isLookupFailure({ error })) await recordLookupFailure(ip, new URL(req.url).pathname);
        throw error;
      }
      if (options.rateLimit === "client" && isLookupFailure({ result })) await recordLookupFailure(ip, new URL(req.url).pathname);
      if (result instanceof Response) return withHeaders(result, rateHeaders);
      if (result instanceof JsonReply) return json(result.body, result.status, { ...rateHeaders, ...result.headers });
      return json(result, options.status ?? 200, rateHeaders);
    } catch (error) {
      return withHeaders(errorResponse(error), rateHeaders);
    }
  };
  // Declared options travel with the handler: security suites check every route's declaration, and a
  // test proves the OpenAPI registry documents the very schemas this route validates with.
  const meta = {
    routeOptions: { auth: options.auth, rateLimit: options.rateLimit, jsonBody: Boolean(options.body) } satisfies TRouteMeta,
    spec: { auth: options.auth, body: options.body, query: options.query },
  };
  if (!options.sign) return Object.assign(respond, meta);
  const signed = async (req: Request, routeContext?: TRouteContext): Promise<Response> => {
    const response = await respond(req, routeContext);
    try {
      return await signResponse(response, new Date(), jsonBodyBytes(response));
    } catch (error) {
      // An unsigned answer would look like tampering to a client that checks: say why instead.
      console.error("[api] can't sign the response", describeErrorForLog(error));
      return json(errorBody("INTERNAL_ERROR", "The server can't sign its answers right now"), ERROR_STATUS.INTERNAL_ERROR);
    }
  };
  return Object.assign(signed, meta);
}

export type TRouteMeta = { auth: TAuthMode; rateLimit: TRateLimitKind | false | undefined; jsonBody: boolean };

function withHeaders(response: Response, headers: Record<string, string>): Response {
  try {
    for (const [name, value] of Object.entries(headers)) if (!response.headers.has(name)) response.headers.set(name, value);
  } catch {
    // Immutable headers (Response.redirect): the rate-limit headers are informational, skip them.
  }
  return response;
}

async function authenticateAdmin(req: Request): Promise<TAdminPrincipal> {
  const header = req.headers.get("authorization") ?? "";
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new ApiError("UNAUTHORIZED", "Send an admin API token as Authorization: Bearer <token>");
  const principal = await authenticateApiToken(match[1]!);
  if (principal.role !== "ADMIN" && req.method !== "GET") {
    throw new ApiError("FORBIDDEN", "This token belongs to read-only staff and can't change anything");
  }
  return principal;
}

async function authenticateUser(req: Request, required: boolean): Promise<TUserPrincipal | null> {
  const match = /^Bearer\s+(\S+)$/i.exec(req.headers.get("authorization") ?? "");
  // Key-based client calls may carry unrelated headers; only a user token switches to user mode.
  if (!match || (!required && !match[1]!.startsWith("sw_user_"))) {
    if (required) throw new ApiError("UNAUTHORIZED", "Send a user token as Authorization: Bearer <token>");
    return null;
  }
  return authenticateUserToken(match[1]!);
}

/** Reads the body with a hard size limit, whatever Content-Length claims. */
async function readJson(req: Request): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const buffer = await req.arrayBuffer();
  if (buffer.byteLength > MAX_BODY_BYTES) throw tooLarge();
  const text = decoder.decode(buffer);
  if (!text.trim()) throw new ApiError("INVALID_REQUEST", "The request body must be a JSON object");
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError("INVALID_REQUEST", "The request body is not valid JSON");
  }
  assertStorableText(value);
  return value;
}

/**
 * PostgreSQL text can't hold NUL, and lone UTF-16 surrogates aren't Unicode: both would fail deep in
 * the database as a 500. Refuse them at the door, for every route, as a clear 400.
 */
export function assertStorableText(value: unknown, depth = 0): void {
  if (typeof value === "string") {
    if (value.includes("\u0000") || !value.isWellFormed()) {
      throw new ApiError("INVALID_REQUEST", "Text must be valid Unicode without NUL characters");
    }
  } else if (value && typeof value === "object" && depth < 32) {
    for (const [k, v] of Object.entries(value)) {
      assertStorableText(k, depth + 1);
      assertStorableText(v, depth + 1);
    }
  }
}

function tooLarge() {
  return new ApiError("INVALID_REQUEST", `The request body is larger than ${MAX_BODY_BYTES / 1024} KB`);
}

export function parse<T extends z.ZodType>(schema: T, input: unknown): z.infer<T> {
  const result = schema.safeParse(input);
  if (!result.success) throw new ApiError("INVALID_REQUEST", describeZodError(result.error));
  return result.data;
}

export function describeZodError(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((issue) => (issue.path.length ? `${issue.path.join(".")}: ${issue.message}` : issue.message))
    .join("; ");
}

export function json(body: unknown, status = 200, headers: Record<string, string> = {}): Response {
  const bytes = encoder.encode(JSON.stringify(body));
  const response = new Response(bytes, {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
  // Signing needs the exact bytes; keeping them saves reading the body stream back on every client call.
  bodyBytes.set(response, bytes);
  return response;
}

const encoder = new TextEncoder();
const decoder = new TextDecoder();
const bodyBytes = new WeakMap<Response, Uint8Array>();

/** The bytes json() sent, or null for a response built elsewhere. */
export function jsonBodyBytes(response: Response): Uint8Array | null {
  return bodyBytes.get(response) ?? null;
}

export function errorBody(code: TErrorCode, message: string, details?: Record<string, unknown>) {
  return { error: { code, message, ...details } };
}

export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) {
    return json(errorBody(error.code, error.message, error.details), error.status, error.headers);
  }
  if (isPrismaError(error, "P2025")) return json(errorBody("NOT_FOUND", "Resource not found"), 404);
  if (isPrismaError(error, "P2002")) return json(errorBody("CONFLICT", "A resource with these values already exists"), 409);
  // Never leak internals: the message and stack stay in the server log.
  console.error(`[api] unexpected error: ${describeErrorForLog(error)}`);
  return json(errorBody("INTERNAL_ERROR", "Something went wrong on the server"), ERROR_STATUS.INTERNAL_ERROR);
}

function isPrismaError(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}
