/**
 * Concurrency arithmetic over seat-holding intervals, free of the database (unit-tested).
 * An interval [start, end) holds a seat from its start up to, not including, its end: the same rule
 * as the seat check, so a lease ending at T and another starting at T never overlap.
 * Buckets are UTC hours or UTC days.
 */

export type TBucket = "hour" | "day";
export type TInterval = { start: number; end: number };

export type TConcurrencyPoint = {
  start: string;
  /** Most leases held at the same time within the bucket. */
  peak: number;
  /** Time-weighted mean of leases held during the bucket. */
  average: number;
  /** Checkouts refused because every seat was leased. */
  refused: number;
};

export type TConcurrencySummary = {
  peak: number;
  peakAt: string | null;
  average: number;
  refused: number;
  /** Share (0–1) of the period during which every seat was leased. */
  atCapacityShare: number;
};

const BUCKET_MS: Record<TBucket, number> = { hour: 3_600_000, day: 86_400_000 };

export function bucketStart(t: number, bucket: TBucket): number {
  return Math.floor(t / BUCKET_MS[bucket]) * BUCKET_MS[bucket];
}

export function concurrencySeries(
  intervals: TInterval[],
  refusals: number[],
  range: { from: number; to: number },
  bucket: TBucket,
  limit: number,
): { points: TConcurrencyPoint[]; summary: TConcurrencySummary } {
  const size = BUCKET_MS[bucket];
  const first = bucketStart(range.from, bucket);
  const changes: [number, number][] = [];
  for (const { start, end } of intervals) {
    if (end <= start || end <= first || start >= range.to) continue;
    changes.push([start, 1], [end, -1]);
  }
  // Ends before starts at the same instant: a seat handed over is never counted twice.
  changes.sort((a, b) => a[0] - b[0] || a[1] - b[1]);

  const refusedBy = new Map<number, number>();
  for (const t of refusals) {
    if (t < range.from || t >= range.to) continue;
    const b = bucketStart(t, bucket);
    refusedBy.set(b, (refusedBy.get(b) ?? 0) + 1);
  }

  const points: TConcurrencyPoint[] = [];
  let level = 0;
  let i = 0;
  let peak = 0;
  let peakAt: number | null = null;
  let totalArea = 0;
  let fullMs = 0;
  for (let b0 = first; b0 < range.to; b0 += size) {
    const b1 = Math.min(b0 + size, range.to);
    while (i < changes.length && changes[i]![0] <= b0) level += changes[i++]![1];
    let bucketPeak = level;
    let area = 0;
    let last = b0;
    const account = (until: number) => {
      area += level * (until - last);
      if (level >= limit) fullMs += until - last;
      last = until;
    };
    if (level > peak) [peak, peakAt] = [level, b0];
    while (i < changes.length && changes[i]![0] < b1) {
      const [t, delta] = changes[i++]!;
      account(t);
      level += delta;
      if (level > bucketPeak) bucketPeak = level;
      if (level > peak) [peak, peakAt] = [level, t];
    }
    account(b1);
    totalArea += area;
    points.push({
      start: new Date(b0).toISOString(),
      peak: bucketPeak,
      average: round2(area / (b1 - b0)),
      refused: refusedBy.get(b0) ?? 0,
    });
  }
  const span = range.to - first;
  return {
    points,
    summary: {
      peak,
      peakAt: peakAt === null ? null : new Date(peakAt).toISOString(),
      average: span > 0 ? round2(totalArea / span) : 0,
      refused: points.reduce((sum, p) => sum + p.refused, 0),
      atCapacityShare: span > 0 && limit > 0 ? Math.round((fullMs / span) * 10_000) / 10_000 : 0,
    },
  };
}

function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function concurrencyCsv(points: TConcurrencyPoint[], limit: number): string {
  const lines = ["bucket_start_utc,peak_leases,average_leases,refused_checkouts,seat_limit"];
  for (const p of points) lines.push([p.start, p.peak, p.average, p.refused, limit].join(","));
  return `${lines.join("\r\n")}\r\n`;
}
