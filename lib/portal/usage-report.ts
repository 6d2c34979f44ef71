import "server-only";
import { db } from "../db";
import { seatLimit } from "../licensing/license-rules";
import { assertOrgAdmin, type TOrgActor } from "./actor";
import { toCsv } from "./csv";

const DAY_MS = 86_400_000;

export type TUsagePeriod = {
  licenseId: string;
  licenseName: string;
  product: string;
  startsAt: string;
  endsAt: string | null;
  current: boolean;
  seatsConsumed: number;
  seatLimit: number;
};

export type TDailyActive = { day: string; active: number };

/** Seats consumed per billing period, and seats held at the end of each day (admins only). */
export async function usageReport(actor: TOrgActor, options: { days?: number } = {}, now = new Date()) {
  assertOrgAdmin(actor);
  const days = Math.min(Math.max(options.days ?? 90, 7), 730);
  const licenses = await db.license.findMany({
    where: { organizationId: actor.organizationId },
    include: { policy: { include: { product: true } }, periods: { orderBy: { startsAt: "desc" } } },
    orderBy: { createdAt: "asc" },
  });
  const periods: TUsagePeriod[] = licenses.flatMap((l) =>
    l.periods.map((p) => ({
      licenseId: l.id,
      licenseName: l.name ?? l.policy.name,
      product: l.policy.product.name,
      startsAt: p.startsAt.toISOString(),
      endsAt: p.endsAt?.toISOString() ?? null,
      current: l.currentPeriodId === p.id,
      seatsConsumed: p.seatsConsumed,
      seatLimit: seatLimit(l),
    })),
  );

  const today = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  // No point charting the months before the customer's first license; keep at least a week visible.
  const firstStart = Math.min(...licenses.map((l) => l.startsAt.getTime()), today);
  const firstDay = Date.UTC(new Date(firstStart).getUTCFullYear(), new Date(firstStart).getUTCMonth(), new Date(firstStart).getUTCDate());
  const from = new Date(Math.max(today - (days - 1) * DAY_MS, Math.min(firstDay, today - 6 * DAY_MS)));
  // A seat counts on a day when it existed at the day's end (or now, for today) and was not yet deactivated.
  const rows = await db.$queryRaw<{ day: Date; active: number }[]>`
    SELECT d AS "day",
      (SELECT count(*)::int FROM "Activation" a JOIN "License" l ON l."id" = a."licenseId"
        WHERE l."organizationId" = ${actor.organizationId}
          AND a."createdAt" < LEAST(d + interval '1 day', ${now}::timestamptz)
          AND (a."deactivatedAt" IS NULL OR a."deactivatedAt" >= LEAST(d + interval '1 day', ${now}::timestamptz))) AS "active"
    FROM generate_series(${from}::timestamptz, ${new Date(today)}::timestamptz, interval '1 day') AS d
    ORDER BY d`;
  const daily: TDailyActive[] = rows.map((r) => ({ day: new Date(r.day).toISOString().slice(0, 10), active: Number(r.active) }));
  const totalLimit = licenses.reduce((sum, l) => sum + seatLimit(l), 0);
  return { periods, daily, days, totalLimit };
}

export function periodsCsv(periods: TUsagePeriod[]): string {
  return toCsv(
    ["license", "product", "period_start", "period_end", "current", "seats_consumed", "seat_limit"],
    periods.map((p) => [p.licenseName, p.product, p.startsAt, p.endsAt ?? "", p.current ? "yes" : "no", p.seatsConsumed, p.seatLimit]),
  );
}

export function dailyCsv(daily: TDailyActive[]): string {
  return toCsv(["day", "active_seats"], daily.map((d) => [d.day, d.active]));
}
