import { describe, expect, it } from "vitest";
import { parseReportRange } from "./report-range";

describe("parseReportRange", () => {
  it("defaults to the current UTC month and makes the end date inclusive", () => {
    const r = parseReportRange({}, new Date("2026-02-14T10:00:00Z"));
    expect(r).toMatchObject({ ok: true, from: "2026-02-01", to: "2026-02-28" });
    if (r.ok) expect(r.range).toEqual({ from: new Date("2026-02-01T00:00:00Z"), to: new Date("2026-03-01T00:00:00Z") });
  });

  it("rejects bad dates and reversed ranges with a message", () => {
    expect(parseReportRange({ from: "2026-13-01", to: "2026-01-01" }).ok).toBe(false);
    expect(parseReportRange({ from: "yesterday" })).toMatchObject({ ok: false, error: expect.stringContaining("start date") });
    expect(parseReportRange({ from: "2026-02-02", to: "2026-02-01" })).toMatchObject({ ok: false, error: expect.stringContaining("on or after") });
  });
});
