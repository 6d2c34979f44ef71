import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";
import type { TReportRange } from "./schemas";

export type TReportRow = {
  periodId: string;
  licenseId: string;
  licenseKey: string;
  licenseName: string | null;
  customer: string | null;
  product: string;
  policy: string;
  seatLimit: number;
  periodStart: Date;
  periodEnd: Date | null;
  closed: boolean;
  current: boolean;
  seatsConsumed: number;
};

/** A period overlaps [from, to) when it starts before `to` and hasn't ended by `from` (open-ended ones never end). */
function overlapSql(range: TReportRange) {
  return Prisma.sql`bp."startsAt" < ${range.to} AND (bp."endsAt" IS NULL OR bp."endsAt" > ${range.from})`;
}

const SELECT_ROWS = Prisma.sql`
  SELECT bp."id" AS "periodId", l."id" AS "licenseId", l."key" AS "licenseKey", l."name" AS "licenseName",
         o."name" AS "customer", pr."name" AS "product", po."name" AS "policy",
         COALESCE(l."seats", po."seats") AS "seatLimit",
         bp."startsAt" AS "periodStart", bp."endsAt" AS "periodEnd",
         (bp."closedAt" IS NOT NULL) AS "closed", (l."currentPeriodId" = bp."id") IS TRUE AS "current",
         bp."seatsConsumed"
  FROM "BillingPeriod" bp
  JOIN "License" l ON l."id" = bp."licenseId"
  JOIN "Policy" po ON po."id" = l."policyId"
  JOIN "Product" pr ON pr."id" = po."productId"
  LEFT JOIN "Organization" o ON o."id" = l."organizationId"`;

/** One page for the console: the biggest consumers first, with totals over the whole range. */
export async function billingReportPage(range: TReportRange, page: number, pageSize: number) {
  const [rows, totals] = await Promise.all([
    db.$queryRaw<TReportRow[]>`${SELECT_ROWS} WHERE ${overlapSql(range)}
      ORDER BY bp."seatsConsumed" DESC, bp."id" LIMIT ${pageSize} OFFSET ${(page - 1) * pageSize}`,
    db.$queryRaw<{ periods: number; licenses: number; seatsConsumed: number }[]>`
      SELECT count(*)::int AS "periods", count(DISTINCT bp."licenseId")::int AS "licenses",
             COALESCE(sum(bp."seatsConsumed"), 0)::int AS "seatsConsumed"
      FROM "BillingPeriod" bp WHERE ${overlapSql(range)}`,
  ]);
  return { rows, totals: totals[0]! };
}

/** Every row of the range in keyset-paged batches, so the CSV export streams at constant memory. */
export async function* billingReportBatches(range: TReportRange, batchSize = 2000): AsyncGenerator<TReportRow[]> {
  let after = "";
  for (;;) {
    const rows = await db.$queryRaw<TReportRow[]>`${SELECT_ROWS}
      WHERE ${overlapSql(range)} AND bp."id" > ${after} ORDER BY bp."id" LIMIT ${batchSize}`;
    if (rows.length === 0) return;
    yield rows;
    if (rows.length < batchSize) return;
    after = rows[rows.length - 1]!.periodId;
  }
}
