/**
 * Seats used against the limit; over the limit turns red, at 80 % amber. With goodwill seats the bar
 * spans limit + goodwill and the goodwill part is a yellow zone: seats there are overage, not refused.
 * The console (vendor) and the portal (customer) share it; `audience` picks whose words the notice uses,
 * `counts={false}` drops the counts line for callers that show the numbers themselves.
 */
export function SeatBar({
  used,
  limit,
  goodwill = 0,
  compact = false,
  counts = true,
  audience = "vendor",
}: {
  used: number;
  limit: number;
  goodwill?: number;
  compact?: boolean;
  counts?: boolean;
  audience?: "vendor" | "customer";
}) {
  const ratio = limit > 0 ? used / limit : 0;
  const span = limit + Math.max(0, goodwill);
  const inGoodwill = goodwill > 0 && used > limit;
  const over = used > span;
  // Within the limit the usual colours; the overage part is drawn yellow inside the goodwill zone.
  const color = over ? "bg-red-600" : ratio >= 1 ? "bg-amber-500" : ratio >= 0.8 ? "bg-amber-400" : "bg-indigo-600";
  const base = span > 0 ? (Math.min(used, over ? span : limit) / span) * 100 : 0;
  const overage = span > 0 && !over ? (Math.max(0, Math.min(used, span) - limit) / span) * 100 : 0;
  const zoneStart = span > 0 ? (limit / span) * 100 : 100;
  return (
    <div className={compact ? "w-28" : "w-full"}>
      {counts ? (
        <div className="flex justify-between text-xs text-slate-600">
          <span>
            <span className="font-semibold text-slate-900">{used}</span> / {limit} seats
            {goodwill > 0 && !compact ? <span className="text-yellow-700"> + {goodwill} goodwill</span> : null}
          </span>
          {!compact ? <span>{Math.round(ratio * 100)}%</span> : null}
        </div>
      ) : null}
      <div
        role="meter"
        aria-label="Seats in use"
        aria-valuemin={0}
        aria-valuemax={span}
        aria-valuenow={used}
        aria-valuetext={`${used} of ${limit} seats${goodwill > 0 ? `, ${goodwill} goodwill seats` : ""}${inGoodwill ? ", in the goodwill zone" : ""}`}
        className={`relative ${counts ? "mt-1" : ""} overflow-hidden rounded-full bg-slate-100 ${compact ? "h-1.5" : "h-2.5"}`}
      >
        {goodwill > 0 ? (
          <div data-testid="goodwill-zone" className="absolute inset-y-0 right-0 bg-yellow-200" style={{ left: `${zoneStart}%` }} />
        ) : null}
        <div className="relative flex h-full">
          <div className={`h-full ${color}`} style={{ width: `${base}%` }} />
          {overage > 0 ? <div className="h-full bg-yellow-500" style={{ width: `${overage}%` }} /> : null}
        </div>
        {/* Where the limit ends and goodwill begins, visible even when both sides are filled. */}
        {goodwill > 0 ? <div aria-hidden className="absolute inset-y-0 w-0.5 -translate-x-1/2 bg-white" style={{ left: `${zoneStart}%` }} /> : null}
      </div>
      {inGoodwill && !compact ? (
        <p className="mt-1 text-xs text-yellow-800" data-testid="goodwill-notice">
          {audience === "customer" ? customerNotice(used, limit, goodwill) : `${used - limit} of ${goodwill} goodwill seats in use (overage).`}
        </p>
      ) : null}
    </div>
  );
}

/** The customer's wording: the vendor hears about goodwill use (lib/rules/notify-goodwill.ts), so say so. */
function customerNotice(used: number, limit: number, goodwill: number): string {
  const inZone = Math.min(used - limit, goodwill);
  const left = goodwill - inZone;
  return `${inZone} goodwill ${inZone === 1 ? "seat" : "seats"} in use — your vendor has been told. ${
    left > 0 ? `${left} more ${left === 1 ? "device" : "devices"} can activate past your ${limit}-seat limit.` : "New activations are refused until a seat is freed."
  }`;
}
