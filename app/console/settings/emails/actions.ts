"use server";
import { revalidatePath } from "next/cache";
import { currentUser } from "@/lib/auth/session";
import { MAX_LEASE_DENIAL_THRESHOLD, setLeaseDenialThreshold } from "@/lib/notifications/lease-denials";
import { setExpiryNoticeDays } from "@/lib/notifications/notify-expiring-licenses";
import { LICENSE_NOTICE_KINDS, setRecipientSettings, ZRecipientSettings } from "@/lib/notifications/recipients";

/** values: what was submitted, so a refused form shows it again instead of resetting to the saved settings. */
export type TEmailSettingsResult = {
  ok: boolean;
  message?: string;
  error?: string;
  code?: string;
  fieldErrors?: Record<string, string>;
  values?: Record<string, string>;
};

export async function saveEmailSettingsAction(_previous: TEmailSettingsResult | null, form: FormData): Promise<TEmailSettingsResult> {
  const staff = await currentUser();
  if (!staff || staff.kind !== "staff") return { ok: false, error: "Your session has ended. Sign in again.", code: "UNAUTHORIZED" };
  if (staff.role !== "ADMIN") return { ok: false, error: "Read-only staff can't change email settings.", code: "FORBIDDEN" };
  const recipients = ZRecipientSettings.safeParse(Object.fromEntries(LICENSE_NOTICE_KINDS.map((kind) => [kind, form.get(`recipients.${kind}`)])));
  const rawDays = String(form.get("expiryDays") ?? "");
  const days = rawDays.split(/[\s,]+/).filter(Boolean).map(Number);
  const fieldErrors: Record<string, string> = {};
  if (days.length === 0 || days.length > 5 || days.some((d) => !Number.isInteger(d) || d < 1 || d > 365)) {
    fieldErrors.expiryDays = "Enter one to five whole numbers of days between 1 and 365, separated by commas (e.g. 30, 7)";
  }
  const rawThreshold = String(form.get("leaseDenialThreshold") ?? "").trim();
  const threshold = Number(rawThreshold);
  if (rawThreshold === "" || !Number.isInteger(threshold) || threshold < 0 || threshold > MAX_LEASE_DENIAL_THRESHOLD) {
    fieldErrors.leaseDenialThreshold = `Enter a whole number of refused requests between 0 (off) and ${MAX_LEASE_DENIAL_THRESHOLD.toLocaleString("en-US")}`;
  }
  if (!recipients.success) fieldErrors.recipients = "Choose who receives each notice";
  if (!recipients.success || Object.keys(fieldErrors).length > 0) {
    const values = Object.fromEntries([...form.entries()].filter(([name, value]) => typeof value === "string" && !name.startsWith("$")).map(([name, value]) => [name, String(value)]));
    return { ok: false, error: "Please fix the highlighted fields.", fieldErrors, values };
  }
  await setRecipientSettings(recipients.data);
  await setExpiryNoticeDays(days);
  await setLeaseDenialThreshold(threshold);
  revalidatePath("/console/settings/emails");
  return { ok: true, message: "Email settings saved." };
}
