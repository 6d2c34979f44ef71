"use server";

import { revalidatePath } from "next/cache";
import { ApiError } from "@/lib/api/errors";
import { renewLicense } from "@/lib/billing/renew-license";
import { staffWhoMayChange } from "@/lib/billing/staff-guard";
import { describeErrorForLog } from "../../lib/security/redact";

export type TRenewState = {
  ok: boolean;
  message?: string;
  errors?: Partial<Record<"durationDays" | "periodEnd" | "form", string>>;
};

const DATE_INPUT = /^\d{4}-\d{2}-\d{2}$/;

/** Renews from the console form: "extend by N days" or "until a date" (valid through that day, UTC). */
export async function renewLicenseAction(_prev: TRenewState, form: FormData): Promise<TRenewState> {
  const guard = await staffWhoMayChange();
  if (!guard.ok) return { ok: false, errors: { form: guard.error } };
  const licenseId = String(form.get("licenseId") ?? "");
  const mode = form.get("mode") === "date" ? "date" : "days";
  let input: { durationDays: number } | { periodEnd: Date };
  if (mode === "days") {
    const raw = String(form.get("durationDays") ?? "").trim();
    const days = Number(raw);
    if (!raw || !Number.isInteger(days) || days < 1 || days > 36_500) {
      return { ok: false, errors: { durationDays: "Enter a whole number of days between 1 and 36500." } };
    }
    input = { durationDays: days };
  } else {
    const raw = String(form.get("periodEnd") ?? "").trim();
    const end = new Date(`${raw}T23:59:59.999Z`);
    if (!DATE_INPUT.test(raw) || Number.isNaN(end.getTime())) return { ok: false, errors: { periodEnd: "Pick the date the license should run until." } };
    input = { periodEnd: end };
  }
  try {
    const result = await renewLicense(licenseId, input, guard.ctx);
    revalidatePath(`/console/licenses/${licenseId}`, "layout");
    revalidatePath("/console/billing");
    const until = (result.expiresAt ?? result.period.endsAt)!.slice(0, 10);
    return {
      ok: true,
      message: result.expiresAt
        ? `Renewed until ${until}. A new billing period started with 0 seats consumed.`
        : `New billing period until ${until} started with 0 seats consumed. The license itself still never expires.`,
    };
  } catch (error) {
    if (error instanceof ApiError) {
      const field = mode === "date" ? "periodEnd" : "durationDays";
      return { ok: false, errors: error.code === "INVALID_REQUEST" ? { [field]: error.message } : { form: error.message } };
    }
    console.error("[billing] renew failed", describeErrorForLog(error));
    return { ok: false, errors: { form: "Renewing failed on the server. Try again." } };
  }
}
