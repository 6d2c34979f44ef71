import { z } from "zod";

/** Zod pieces for HTML form values, where an empty field arrives as "". */
const empty = (v: unknown) => (v === "" || v === undefined || v === null ? null : v);

export const zId = z.string().trim().min(1, "Required").max(64);

export function zOptionalInt(min: number, max: number, label = "Value") {
  return z.preprocess(
    empty,
    z.coerce
      .number({ error: `${label} must be a number` })
      .int(`${label} must be a whole number`)
      .min(min, `${label} must be at least ${min}`)
      .max(max, `${label} must be at most ${max.toLocaleString("en-US")}`)
      .nullable(),
  );
}

export function zInt(min: number, max: number, label = "Value") {
  return z.coerce
    .number({ error: `${label} must be a number` })
    .int(`${label} must be a whole number`)
    .min(min, `${label} must be at least ${min}`)
    .max(max, `${label} must be at most ${max.toLocaleString("en-US")}`);
}

export const zOptionalText = (max: number) => z.preprocess(empty, z.string().trim().max(max, `At most ${max} characters`).nullable());

/** Comma- or whitespace-separated entitlement codes ("export-pdf, cloud-sync") → a sorted, de-duplicated list. */
export const zEntitlementList = z.preprocess(
  (v) => (typeof v === "string" ? v.split(/[\s,]+/).filter(Boolean) : v ?? []),
  z
    .array(z.string().max(100, "Codes are at most 100 characters").regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, "Codes use letters, digits, dot, dash, colon or underscore"))
    .max(100, "At most 100 entitlements")
    .transform((codes) => [...new Set(codes)].sort()),
);

export const zOptionalId = z.preprocess(empty, z.string().trim().max(64).nullable());

/** A date input (YYYY-MM-DD): the license stays valid through the end of that day (UTC). */
export const zOptionalDay = z.preprocess(
  empty,
  z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}$/, "Use the format YYYY-MM-DD")
    .transform((d) => new Date(`${d}T23:59:59.999Z`))
    .refine((d) => !Number.isNaN(d.getTime()), "Not a valid date")
    .nullable(),
);

/** Day input for a range start (00:00 UTC) — used by filters. */
export function startOfDay(day: string | undefined): Date | undefined {
  if (!day || !/^\d{4}-\d{2}-\d{2}$/.test(day)) return undefined;
  const d = new Date(`${day}T00:00:00.000Z`);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

export function endOfDay(day: string | undefined): Date | undefined {
  const d = startOfDay(day);
  return d ? new Date(d.getTime() + 86_400_000 - 1) : undefined;
}
