import "server-only";
import { db, type TDbOrTx } from "../db";
import { Prisma } from "../generated/prisma/client";
import { seatsInUseSql } from "./count-seats";

/** Seats in use for many licenses in one query (list pages), with the same rule as countSeatsInUse. */
export async function seatCountsByLicense(licenseIds: string[], now: Date, client: TDbOrTx = db): Promise<Map<string, number>> {
  if (licenseIds.length === 0) return new Map();
  const rows = await client.$queryRaw<{ id: string; n: number }[]>`
    SELECT u."id", ${seatsInUseSql(Prisma.sql`u."id"`, now)} AS n FROM unnest(${licenseIds}::text[]) AS u("id")`;
  return new Map(rows.map((r) => [r.id, r.n]));
}
