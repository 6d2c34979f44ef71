import "server-only";
import { db } from "../db";
import { Prisma } from "../generated/prisma/client";

export type TSeatAlertRow = {
  id: string;
  key: string;
  name: string | null;
  organizationId: string | null;
  organizationName: string | null;
  seatAlertThreshold: number;
  seatsConsumed: number;
};

/** Licenses whose current period has consumed at least their seat alert threshold, fullest first. */
export async function listSeatAlerts(limit = 10): Promise<{ total: number; rows: TSeatAlertRow[] }> {
  const where = Prisma.sql`
    FROM "License" l
    JOIN "BillingPeriod" bp ON bp."id" = l."currentPeriodId"
    LEFT JOIN "Organization" o ON o."id" = l."organizationId"
    WHERE l."seatAlertThreshold" IS NOT NULL AND bp."seatsConsumed" >= l."seatAlertThreshold"`;
  const [count, rows] = await Promise.all([
    db.$queryRaw<{ n: bigint }[]>(Prisma.sql`SELECT count(*)::bigint AS n ${where}`),
    db.$queryRaw<TSeatAlertRow[]>(Prisma.sql`
      SELECT l."id", l."key", l."name", l."organizationId", o."name" AS "organizationName",
             l."seatAlertThreshold", bp."seatsConsumed"
      ${where}
      ORDER BY bp."seatsConsumed"::float / l."seatAlertThreshold" DESC, l."id"
      LIMIT ${limit}`),
  ]);
  return { total: Number(count[0]?.n ?? 0), rows };
}
