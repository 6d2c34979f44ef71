import "server-only";
import { ApiError } from "../api/errors";
import { db, type TDbOrTx } from "../db";
import { findLicenseById } from "../licensing/find-license";
import { seatLimit } from "../licensing/license-rules";
import { bucketStart, concurrencyCsv, concurrencySeries, type TBucket, type TInterval } from "./concurrency";

import { REPORT_RANGES, type TConcurrencyQuery } from "./schemas";
export { REPORT_RANGES, ZConcurrencyQuery, type TConcurrencyQuery, type TReportRange } from "./schemas";

/** Hourly points over 90 days would be thousands of bars: long ranges are shown per day. */
export function effectiveBucket(query: TConcurrencyQuery): TBucket {
  return REPORT_RANGES[query.range] > 31 ? "day" : query.bucket;
}

/**
 * Leases in use over time for one license: peak and average concurrent leases per hour or day,
 * plus refused checkouts (SEAT_LIMIT_REACHED). A customer reads it to decide whether to buy more
 * seats (peaks at the limit, refusals) or fewer (peaks well below it).
 */
export async function concurrencyReport(licenseId: string, query: TConcurrencyQuery, now = new Date(), client: TDbOrTx = db) {
  const license = await findLicenseById(licenseId, client);
  if (!license) throw new ApiError("LICENSE_NOT_FOUND", "License not found");
  const bucket = effectiveBucket(query);
  const to = now.getTime();
  const from = bucketStart(to - REPORT_RANGES[query.range] * 86_400_000, bucket) + (bucket === "hour" ? 3_600_000 : 86_400_000);
  const fromDate = new Date(from);

  const [rows, refusals] = await Promise.all([
    client.activation.findMany({
      where: {
        licenseId,
        createdAt: { lt: now },
        OR: [{ leaseExpiresAt: null }, { leaseExpiresAt: { gt: fromDate } }],
        AND: [{ OR: [{ deactivatedAt: null }, { deactivatedAt: { gt: fromDate } }, { seatFreedAt: { gt: fromDate } }] }],
      },
      select: { createdAt: true, leaseExpiresAt: true, deactivatedAt: true, seatFreedAt: true },
    }),
    client.event.findMany({
      where: {
        licenseId,
        action: "activation.refused",
        createdAt: { gte: fromDate, lt: now },
        data: { path: ["code"], equals: "SEAT_LIMIT_REACHED" },
      },
      select: { createdAt: true },
    }),
  ]);

  const intervals: TInterval[] = rows.map((r) => ({ start: r.createdAt.getTime(), end: holdingEnd(r, to) }));
  const limit = seatLimit(license);
  const { points, summary } = concurrencySeries(intervals, refusals.map((e) => e.createdAt.getTime()), { from, to }, bucket, limit);
  return {
    license: {
      id: license.id,
      name: license.name,
      model: license.policy.model,
      organization: license.organization?.name ?? null,
      product: license.policy.product.name,
    },
    seatLimit: limit,
    bucket,
    range: query.range,
    from: fromDate.toISOString(),
    to: now.toISOString(),
    points,
    summary,
  };
}

/** When a row stopped holding its seat: lease end, release (plus any cooldown), or still now. */
function holdingEnd(row: { leaseExpiresAt: Date | null; deactivatedAt: Date | null; seatFreedAt: Date | null }, now: number): number {
  let end = now;
  if (row.leaseExpiresAt) end = Math.min(end, row.leaseExpiresAt.getTime());
  if (row.deactivatedAt) end = Math.min(end, Math.max(row.deactivatedAt.getTime(), row.seatFreedAt?.getTime() ?? 0));
  return end;
}

export type TConcurrencyReport = Awaited<ReturnType<typeof concurrencyReport>>;

/** The report as a CSV download, for the console's and the portal's export routes alike. */
export function concurrencyCsvResponse(report: TConcurrencyReport): Response {
  const name = `concurrency-${report.license.id}-${report.range}-per-${report.bucket}.csv`;
  return new Response(concurrencyCsv(report.points, report.seatLimit), {
    headers: {
      "content-type": "text/csv; charset=utf-8",
      "content-disposition": `attachment; filename="${name}"`,
      "cache-control": "no-store",
    },
  });
}
