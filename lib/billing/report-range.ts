const DATE_INPUT = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 86_400_000;

export type TRangeInput = { from?: string; to?: string };
export type TParsedRange =
  | { ok: true; from: string; to: string; range: { from: Date; to: Date } }
  | { ok: false; from: string; to: string; error: string };

/**
 * The console's range is two calendar dates, both inclusive (UTC); the query range is [from, to + 1 day).
 * Without input it is the current calendar month.
 */
export function parseReportRange(input: TRangeInput, now = new Date()): TParsedRange {
  const monthStart = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
  const monthEnd = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 0));
  const from = input.from?.trim() || monthStart.toISOString().slice(0, 10);
  const to = input.to?.trim() || monthEnd.toISOString().slice(0, 10);
  const start = new Date(`${from}T00:00:00.000Z`);
  const end = new Date(`${to}T00:00:00.000Z`);
  if (!DATE_INPUT.test(from) || Number.isNaN(start.getTime())) return { ok: false, from, to, error: "The start date is not a valid date (YYYY-MM-DD)." };
  if (!DATE_INPUT.test(to) || Number.isNaN(end.getTime())) return { ok: false, from, to, error: "The end date is not a valid date (YYYY-MM-DD)." };
  if (end < start) return { ok: false, from, to, error: "The end date must be on or after the start date." };
  return { ok: true, from, to, range: { from: start, to: new Date(end.getTime() + DAY_MS) } };
}
