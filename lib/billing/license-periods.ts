import "server-only";
import { ApiError } from "../api/errors";
import { db } from "../db";
import { countSeatsInUse } from "../licensing/count-seats";
import { serializePeriod } from "./serialize-period";

/** Every billing period of a license, newest first (a license gains one per renewal). */
export async function listLicensePeriods(licenseId: string) {
  const license = await db.license.findUnique({ where: { id: licenseId }, select: { currentPeriodId: true } });
  if (!license) throw new ApiError("LICENSE_NOT_FOUND", "License not found");
  const periods = await db.billingPeriod.findMany({ where: { licenseId }, orderBy: [{ startsAt: "desc" }, { createdAt: "desc" }] });
  return { periods: periods.map((p) => serializePeriod(p, license.currentPeriodId)) };
}

/**
 * Usage of one period ("current" or a period id): seats consumed in it (distinct devices that checked
 * in during the period) and seats active, i.e. held right now by the seat-holding rule.
 */
export async function licenseUsage(licenseId: string, period: string, now = new Date()) {
  const license = await db.license.findUnique({ where: { id: licenseId }, select: { currentPeriodId: true } });
  if (!license) throw new ApiError("LICENSE_NOT_FOUND", "License not found");
  const periodId = period === "current" ? license.currentPeriodId : period;
  const row = periodId ? await db.billingPeriod.findFirst({ where: { id: periodId, licenseId } }) : null;
  if (!row) throw new ApiError("NOT_FOUND", period === "current" ? "This license has no current billing period" : "Billing period not found");
  return {
    period: serializePeriod(row, license.currentPeriodId),
    seatsConsumed: row.seatsConsumed,
    seatsActive: await countSeatsInUse(db, licenseId, now),
  };
}
