import "server-only";
import type { TDbOrTx } from "../db";

type TUsageLicense = { id: string; currentPeriodId: string | null };
type TUsageActivation = { id: string; lastPeriodId: string | null };

/**
 * Counts the activation as a consumed seat of the license's current billing period, once per period.
 * The activation remembers the last period it was counted in, so the usual check-in costs no write.
 * One statement does the insert, the counter and the marker, so the count can't drift from the rows.
 * Returns the period's new consumed count when this call counted the seat and the period's seat alert
 * has not gone out yet (the only use of the count), otherwise null.
 */
export async function recordSeatUsage(
  client: TDbOrTx,
  license: TUsageLicense,
  activation: TUsageActivation,
  now: Date,
): Promise<number | null> {
  const periodId = license.currentPeriodId;
  if (!periodId || activation.lastPeriodId === periodId) return null;
  const rows = await client.$queryRaw<{ seatsConsumed: number; seatAlertSentAt: Date | null }[]>`
    WITH ins AS (
      INSERT INTO "PeriodUsage" ("periodId", "activationId", "firstSeenAt")
      VALUES (${periodId}, ${activation.id}, ${now})
      ON CONFLICT DO NOTHING
      RETURNING 1
    ), mark AS (
      UPDATE "Activation" SET "lastPeriodId" = ${periodId} WHERE "id" = ${activation.id}
    )
    UPDATE "BillingPeriod" SET "seatsConsumed" = "seatsConsumed" + (SELECT count(*) FROM ins)::int
    WHERE "id" = ${periodId} AND EXISTS (SELECT 1 FROM ins)
    RETURNING "seatsConsumed", "seatAlertSentAt"`;
  activation.lastPeriodId = periodId;
  const row = rows[0];
  return row && row.seatAlertSentAt === null ? row.seatsConsumed : null;
}
