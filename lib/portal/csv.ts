function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? "" : String(value);
  // Quote always; neutralise formulas so a spreadsheet never executes a friendly name.
  const safe = /^[=+\-@\t\r]/.test(text) ? `'${text}` : text;
  return `"${safe.replace(/"/g, '""')}"`;
}

export function toCsv(header: string[], rows: unknown[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}
