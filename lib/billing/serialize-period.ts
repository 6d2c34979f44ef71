import type { BillingPeriod } from "../generated/prisma/client";

export type TPeriod = ReturnType<typeof serializePeriod>;

export function serializePeriod(period: BillingPeriod, currentPeriodId: string | null) {
  return {
    id: period.id,
    licenseId: period.licenseId,
    startsAt: period.startsAt.toISOString(),
    endsAt: period.endsAt?.toISOString() ?? null,
    closedAt: period.closedAt?.toISOString() ?? null,
    current: period.id === currentPeriodId,
    seatsConsumed: period.seatsConsumed,
    seatAlertSentAt: period.seatAlertSentAt?.toISOString() ?? null,
  };
}
