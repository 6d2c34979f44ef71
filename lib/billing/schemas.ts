import { z } from "zod";

const ZDate = z.coerce.date().refine((d) => !Number.isNaN(d.getTime()), "Invalid date");

/** Renew by a number of days or up to a date: exactly one of the two. */
export const ZRenewLicense = z
  .object({
    periodEnd: ZDate.optional(),
    durationDays: z.number().int().min(1).max(36_500).optional(),
  })
  .strict()
  .refine((v) => (v.periodEnd === undefined) !== (v.durationDays === undefined), {
    message: "Send either periodEnd (a date) or durationDays (a number of days), not both",
  });
export type TRenewLicense = z.infer<typeof ZRenewLicense>;

export const ZUsageQuery = z.object({
  period: z.string().trim().min(1).max(64).default("current"),
});

/** A billing report covers the periods overlapping [from, to). */
export const ZReportRange = z
  .object({ from: ZDate, to: ZDate })
  .refine((r) => r.to.getTime() > r.from.getTime(), { message: "The end of the range must be after its start", path: ["to"] });
export type TReportRange = z.infer<typeof ZReportRange>;
