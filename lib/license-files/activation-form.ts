import { z } from "zod";

/** The public activation form's fields (machine code = the fingerprint the app shows). */
export const ZActivationFormInput = z.object({
  key: z.string().trim().min(1, "Enter the license key").max(256, "The license key is too long"),
  machineCode: z.string().trim().min(1, "Enter the machine code shown by the app").max(256, "The machine code is too long"),
  friendlyName: z.string().trim().max(256, "Keep the name under 256 characters").optional(),
});
export type TActivationFormInput = z.infer<typeof ZActivationFormInput>;

/** What a customer reads for each refusal: what happened and what to do next. */
export const ACTIVATION_FORM_MESSAGES: Record<string, string> = {
  LICENSE_NOT_FOUND: "We couldn't find a license with this key. Check it against your license email — it looks like XXXXX-XXXXX-… .",
  LICENSE_SUSPENDED: "This license is suspended, so no machine can be activated on it. Contact your software vendor.",
  LICENSE_EXPIRED: "This license has expired. Renew it with your software vendor, then try again.",
  SEAT_LIMIT_REACHED: "All seats of this license are in use. Ask your license administrator to free a seat, then try again.",
  USER_ACTIVATION_LIMIT: "You have reached the number of machines you may activate on this license.",
  EVALUATION_ALREADY_USED: "This machine has already used its evaluation.",
  RATE_LIMITED: "Too many attempts from your network. Wait a few minutes, then try again.",
  INVALID_REQUEST: "Some fields are missing or invalid. Check the license key and the machine code.",
  INTERNAL_ERROR: "Something went wrong on our side. Try again in a moment; if it keeps failing, contact your software vendor.",
};

const FREE_A_SEAT = "Ask your license administrator to free a seat (deactivate a machine that is no longer used), then try again.";

/** `serverMessage` and `seats` add specifics the server knows (how long to wait, how many seats). */
export function activationFormMessage(code: string | undefined, serverMessage?: string, seats?: { limit?: number; used?: number }): string {
  if (code === "SEAT_LIMIT_REACHED" && seats?.limit) {
    const all = seats.limit === 1 ? "The only seat of this license is in use." : `All ${seats.limit} seats of this license are in use.`;
    return `${all} ${FREE_A_SEAT}`;
  }
  if (code === "RATE_LIMITED" && serverMessage) return serverMessage;
  return (code && ACTIVATION_FORM_MESSAGES[code]) || serverMessage || ACTIVATION_FORM_MESSAGES.INTERNAL_ERROR!;
}

/** A safe download name from a machine code: letters, digits, dot, dash and underscore only. */
export function licenseFileName(machineCode: string): string {
  const base = machineCode
    .replace(/[^A-Za-z0-9._-]+/g, "_")
    .replace(/^[._]+/, "")
    .slice(0, 100);
  return `${base || "license"}.lic`;
}
