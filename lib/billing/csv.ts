import type { TReportRow } from "./billing-report";

export const REPORT_COLUMNS = [
  "license_id",
  "license_key",
  "license_name",
  "customer",
  "product",
  "policy",
  "seat_limit",
  "period_id",
  "period_start",
  "period_end",
  "period_status",
  "seats_consumed",
] as const;

/**
 * RFC 4180 quoting, plus a guard against spreadsheet formula injection: customer-controlled text
 * starting with = + - @ (or a tab/CR) is prefixed with an apostrophe so Excel shows it as text.
 */
export function csvField(value: string | number | null): string {
  if (value === null) return "";
  let text = String(value);
  if (typeof value === "string" && /^[=+\-@\t\r]/.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

export function csvLine(values: (string | number | null)[]): string {
  return `${values.map(csvField).join(",")}\r\n`;
}

export function reportRowToCsv(row: TReportRow): string {
  return csvLine([
    row.licenseId,
    row.licenseKey,
    row.licenseName,
    row.customer,
    row.product,
    row.policy,
    row.seatLimit,
    row.periodId,
    row.periodStart.toISOString(),
    row.periodEnd?.toISOString() ?? null,
    row.current ? "current" : row.closed ? "closed" : "ended",
    row.seatsConsumed,
  ]);
}
