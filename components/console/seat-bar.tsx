/** Seats used against the limit; over the limit turns red, at 80 % amber. */
export function SeatBar({ used, limit, compact = false }: { used: number; limit: number; compact?: boolean }) {
  const ratio = limit > 0 ? used / limit : 0;
  const color = ratio > 1 ? "bg-red-600" : ratio >= 1 ? "bg-amber-500" : ratio >= 0.8 ? "bg-amber-400" : "bg-indigo-600";
  return (
    <div className={compact ? "w-28" : "w-full"}>
      <div className="flex justify-between text-xs text-slate-600">
        <span>
          <span className="font-semibold text-slate-900">{used}</span> / {limit} seats
        </span>
        {!compact ? <span>{Math.round(ratio * 100)}%</span> : null}
      </div>
      <div
        role="meter"
        aria-label="Seats in use"
        aria-valuemin={0}
        aria-valuemax={limit}
        aria-valuenow={used}
        className={`mt-1 overflow-hidden rounded-full bg-slate-100 ${compact ? "h-1.5" : "h-2.5"}`}
      >
        <div className={`h-full ${color}`} style={{ width: `${Math.min(100, ratio * 100)}%` }} />
      </div>
    </div>
  );
}
