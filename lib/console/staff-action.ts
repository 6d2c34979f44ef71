import "server-only";
import { headers } from "next/headers";
import { unstable_rethrow } from "next/navigation";
import { z } from "zod";
import { ApiError, type TErrorCode } from "../api/errors";
import { requestIp } from "../api/request-ip";
import { currentUser } from "../auth/session";
import type { TSessionUser } from "../auth/auth-options";
import type { TContext } from "../events/record-event";
import { staffAccess } from "./staff-access";
import { describeErrorForLog } from "../security/redact";

export type TActionResult<T = unknown> =
  | { ok: true; message?: string; data?: T; warning?: boolean }
  | { ok: false; error: string; fieldErrors?: Record<string, string>; code?: TErrorCode };

export type TStaffContext = TContext & { staff: TSessionUser };

/** Form posts arrive as FormData; buttons may call the action with a plain object. */
function toObject(input: FormData | Record<string, unknown> | undefined): Record<string, unknown> {
  if (!input) return {};
  if (!(input instanceof FormData)) return input;
  const out: Record<string, unknown> = {};
  for (const [key, value] of input.entries()) {
    if (key.startsWith("$ACTION")) continue;
    out[key] = typeof value === "string" ? value : value.name;
  }
  return out;
}

export function fieldErrors(error: z.ZodError): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of error.issues) {
    const key = issue.path.join(".") || "_";
    out[key] ??= issue.message;
  }
  return out;
}

/**
 * Every console mutation goes through here: a signed-in staff member is required, READ_ONLY staff are
 * refused on the server (hidden buttons are only a courtesy), input is validated with zod, and domain
 * errors become a message the form can show. Returns { ok } or { error } — never throws at the form.
 */
export function staffAction<TSchema extends z.ZodType, TOut>(
  schema: TSchema,
  run: (input: z.output<TSchema>, ctx: TStaffContext) => Promise<TActionResult<TOut> | void>,
) {
  return async (_previous: unknown, input?: FormData | Record<string, unknown>): Promise<TActionResult<TOut>> => {
    const staff = await staffAccess(await currentUser());
    // The code says why, for callers and tests that need more than the message.
    if (!staff) return { ok: false, error: "Your session has ended. Sign in again.", code: "UNAUTHORIZED" };
    if (!staff.canEdit) return { ok: false, error: "Read-only staff can't make changes.", code: "FORBIDDEN" };
    const parsed = schema.safeParse(toObject(input));
    if (!parsed.success) {
      return { ok: false, error: "Please fix the highlighted fields.", fieldErrors: fieldErrors(parsed.error), code: "INVALID_REQUEST" };
    }
    const ip = requestIp(await headers());
    try {
      return (await run(parsed.data, { actor: { type: "STAFF", id: staff.id, label: staff.email }, ip, staff })) ?? { ok: true };
    } catch (error) {
      unstable_rethrow(error);
      if (error instanceof ApiError) return { ok: false, error: error.message, code: error.code };
      console.error("console action failed", describeErrorForLog(error));
      return { ok: false, error: "Something went wrong. Try again.", code: "INTERNAL_ERROR" };
    }
  };
}
