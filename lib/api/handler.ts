/**
 * The one wrapper every /api/v1 route goes through: it reads and validates input, authenticates,
 * calls the domain function and turns every failure into `{ error: { code, message } }`.
 * Route files stay a few lines long and never format errors themselves.
 */
import "server-only";
import { z } from "zod";
import type { TContext } from "../events/record-event";
import { authenticateApiToken, type TAdminPrincipal } from "../auth/api-tokens";
import { signResponse } from "../signing/sign-response";
import { ApiError, ERROR_STATUS, type TErrorCode } from "./errors";
import { requestIp } from "./request-ip";

export const MAX_BODY_BYTES = 16 * 1024;

type TAuthMode = "none" | "admin";

type TArgs<TBody, TQuery, TAuth extends TAuthMode> = {
  req: Request;
  body: TBody;
  query: TQuery;
  params: Record<string, string>;
  ctx: TContext;
  admin: TAuth extends "admin" ? TAdminPrincipal : null;
};

type TRouteOptions<TBodySchema extends z.ZodType | undefined, TQuerySchema extends z.ZodType | undefined, TAuth extends TAuthMode> = {
  auth: TAuth;
  body?: TBodySchema;
  query?: TQuerySchema;
  /** HTTP status of a successful answer (default 200). */
  status?: number;
  /** Client API: sign every answer, errors included (Date + Seatwise-Signature headers). */
  sign?: boolean;
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
>(
  options: TRouteOptions<TBodySchema, TQuerySchema, TAuth>,
  handler: (args: TArgs<TInfer<TBodySchema>, TInfer<TQuerySchema>, TAuth>) => Promise<unknown>,
) {
  const respond = async (req: Request, routeContext?: TRouteContext): Promise<Response> => {
    try {
      const ip = requestIp(req.headers);
      const params = Object.fromEntries(
        Object.entries((await routeContext?.params) ?? {}).map(([k, v]) => [k, Array.isArray(v) ? v.join("/") : v]),
      );
      const admin = options.auth === "admin" ? await authenticateAdmin(req) : null;
      const ctx: TContext = {
        ip,
        actor: admin ? { type: "API_TOKEN", id: admin.tokenId, label: admin.label } : { type: "ANONYMOUS" },
      };
      const body = options.body ? parse(options.body, await readJson(req)) : undefined;
      const query = options.query ? parse(options.query, Object.fromEntries(new URL(req.url).searchParams)) : undefined;
      const result = await handler({ req, body, query, params, ctx, admin } as TArgs<TInfer<TBodySchema>, TInfer<TQuerySchema>, TAuth>);
      if (result instanceof Response) return result;
      if (result instanceof JsonReply) return json(result.body, result.status, result.headers);
      return json(result, options.status ?? 200);
    } catch (error) {
      return errorResponse(error);
    }
  };
  if (!options.sign) return respond;
  return async (req: Request, routeContext?: TRouteContext): Promise<Response> => {
    const response = await respond(req, routeContext);
    try {
      return await signResponse(response);
    } catch (error) {
      // An unsigned answer would look like tampering to a client that checks: say why instead.
      console.error("[api] can't sign the response", error);
      return json(errorBody("INTERNAL_ERROR", "The server can't sign its answers right now"), ERROR_STATUS.INTERNAL_ERROR);
    }
  };
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

/** Reads the body with a hard size limit, whatever Content-Length claims. */
async function readJson(req: Request): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? 0);
  if (declared > MAX_BODY_BYTES) throw tooLarge();
  const buffer = await req.arrayBuffer();
  if (buffer.byteLength > MAX_BODY_BYTES) throw tooLarge();
  const text = new TextDecoder().decode(buffer);
  if (!text.trim()) throw new ApiError("INVALID_REQUEST", "The request body must be a JSON object");
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("INVALID_REQUEST", "The request body is not valid JSON");
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
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json; charset=utf-8", "cache-control": "no-store", ...headers },
  });
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
  console.error("[api] unexpected error", error);
  return json(errorBody("INTERNAL_ERROR", "Something went wrong on the server"), ERROR_STATUS.INTERNAL_ERROR);
}

function isPrismaError(error: unknown, code: string): boolean {
  return typeof error === "object" && error !== null && (error as { code?: unknown }).code === code;
}
