const NUMBER = new Intl.NumberFormat("en-US");

export const fmtNumber = (n: number) => NUMBER.format(n);

/** Dates in the console are UTC calendar days, so every staff member reads the same value. */
export function fmtDate(value: string | Date | null | undefined, empty = "Never"): string {
  if (!value) return empty;
  return new Date(value).toISOString().slice(0, 10);
}

export function fmtDateTime(value: string | Date | null | undefined, empty = "—"): string {
  if (!value) return empty;
  return `${new Date(value).toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export function dayInputValue(value: string | Date | null | undefined): string {
  return value ? new Date(value).toISOString().slice(0, 10) : "";
}
