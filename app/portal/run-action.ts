import "server-only";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { ApiError } from "@/lib/api/errors";
import { describeZodError } from "@/lib/api/handler";
import { describeErrorForLog } from "@/lib/security/redact";

export type TPortalActionResult<T = unknown> =
  | { ok: true; data: T; message?: string }
  | { ok: false; error: string; code: string; fieldErrors?: Record<string, string> };

/**
 * Every portal server action: the actor comes from the session inside `fn`, domain errors become a
 * message for the form, and invalid input also a message per field, so a form can put each under its input.
 */
export async function runPortalAction<T>(fn: () => Promise<T>, message?: string): Promise<TPortalActionResult<T>> {
  try {
    const data = await fn();
    revalidatePath("/portal", "layout");
    return { ok: true, data, message };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.message, code: error.code };
    if (error instanceof z.ZodError) {
      const fieldErrors: Record<string, string> = {};
      for (const issue of error.issues) fieldErrors[String(issue.path.at(-1) ?? "form")] ??= issue.message;
      return { ok: false, error: describeZodError(error), code: "INVALID_REQUEST", fieldErrors };
    }
    console.error("[portal] action failed", describeErrorForLog(error));
    return { ok: false, error: "Something went wrong. Try again.", code: "INTERNAL_ERROR" };
  }
}
