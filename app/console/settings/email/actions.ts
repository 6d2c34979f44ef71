"use server";

import { revalidatePath } from "next/cache";
import { staffWhoMayChange } from "@/lib/billing/staff-guard";
import { recordEvent } from "@/lib/events/record-event";
import { db } from "@/lib/db";
import { setMailSettings, ZMailSettings } from "@/lib/mail/settings";

export type TMailSettingsState = {
  ok: boolean;
  message?: string;
  code?: string;
  errors?: Partial<Record<"billingContact" | "sender" | "form", string>>;
  values?: { billingContact: string; sender: string };
};

export async function saveMailSettingsAction(_prev: TMailSettingsState, form: FormData): Promise<TMailSettingsState> {
  const values = { billingContact: String(form.get("billingContact") ?? ""), sender: String(form.get("sender") ?? "") };
  const guard = await staffWhoMayChange();
  if (!guard.ok) return { ok: false, values, code: guard.code, errors: { form: guard.error } };
  const parsed = ZMailSettings.safeParse(values);
  if (!parsed.success) {
    const errors: TMailSettingsState["errors"] = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as "billingContact" | "sender";
      errors[field] ??= issue.message;
    }
    return { ok: false, values, errors };
  }
  await setMailSettings(parsed.data);
  await recordEvent(db, guard.ctx, { action: "settings.email_updated", data: parsed.data });
  revalidatePath("/console/settings/email");
  return { ok: true, values, message: "Email settings saved." };
}
