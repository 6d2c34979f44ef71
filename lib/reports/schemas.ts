// Report query schemas, free of database imports so the OpenAPI registry can document them.
import { z } from "zod";

export const REPORT_RANGES = { "24h": 1, "7d": 7, "30d": 30, "90d": 90 } as const;
export type TReportRange = keyof typeof REPORT_RANGES;

export const ZConcurrencyQuery = z.object({
  range: z.enum(Object.keys(REPORT_RANGES) as [TReportRange, ...TReportRange[]]).catch("7d").default("7d"),
  bucket: z.enum(["hour", "day"]).catch("hour").default("hour"),
});
export type TConcurrencyQuery = z.infer<typeof ZConcurrencyQuery>;
