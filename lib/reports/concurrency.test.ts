import { describe, expect, it } from "vitest";
import { concurrencyCsv, concurrencySeries } from "./concurrency";

const H = 3_600_000;
const T = Date.parse("2026-03-01T00:00:00Z");

describe("concurrencySeries", () => {
  it("computes peak, time-weighted average and refusals per hour", () => {
    const intervals = [
      { start: T, end: T + 2 * H }, // hours 0 and 1
      { start: T + 0.5 * H, end: T + H }, // second half of hour 0
      { start: T + 1.5 * H, end: T + 5 * H }, // runs past the range
    ];
    const refusals = [T + 0.6 * H, T + 0.7 * H, T + 3 * H, T - 1, T + 3 * H + 1];
    const { points, summary } = concurrencySeries(intervals, refusals, { from: T, to: T + 3 * H }, "hour", 2);
    expect(points).toEqual([
      { start: "2026-03-01T00:00:00.000Z", peak: 2, average: 1.5, refused: 2 },
      { start: "2026-03-01T01:00:00.000Z", peak: 2, average: 1.5, refused: 0 },
      { start: "2026-03-01T02:00:00.000Z", peak: 1, average: 1, refused: 0 },
    ]);
    expect(summary).toEqual({ peak: 2, peakAt: "2026-03-01T00:30:00.000Z", average: 1.33, refused: 2, atCapacityShare: 0.3333 });
  });

  it("a lease ending when another starts is not counted twice (same rule as the seat check)", () => {
    const { summary } = concurrencySeries([{ start: T, end: T + H }, { start: T + H, end: T + 2 * H }], [], { from: T, to: T + 2 * H }, "hour", 1);
    expect(summary.peak).toBe(1);
    expect(summary.atCapacityShare).toBe(1);
  });

  it("counts leases that started before the range from its first instant, and aggregates per UTC day", () => {
    const D = 24 * H;
    const { points } = concurrencySeries([{ start: T - D, end: T + 1.5 * D }], [], { from: T, to: T + 2 * D }, "day", 3);
    expect(points.map((p) => [p.start.slice(0, 10), p.peak, p.average])).toEqual([
      ["2026-03-01", 1, 1],
      ["2026-03-02", 1, 0.5],
    ]);
  });

  it("is empty but well-formed with no data", () => {
    const { points, summary } = concurrencySeries([], [], { from: T, to: T + 2 * H }, "hour", 5);
    expect(points).toHaveLength(2);
    expect(summary).toEqual({ peak: 0, peakAt: null, average: 0, refused: 0, atCapacityShare: 0 });
  });
});

describe("concurrencyCsv", () => {
  it("writes a header and one CRLF line per bucket", () => {
    const csv = concurrencyCsv([{ start: "2026-03-01T00:00:00.000Z", peak: 2, average: 1.5, refused: 1 }], 3);
    expect(csv).toBe("bucket_start_utc,peak_leases,average_leases,refused_checkouts,seat_limit\r\n2026-03-01T00:00:00.000Z,2,1.5,1,3\r\n");
  });
});
