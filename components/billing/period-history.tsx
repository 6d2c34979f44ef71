import type { TPeriod } from "@/lib/billing/serialize-period";

function day(iso: string | null) {
  return iso ? iso.slice(0, 10) : "open-ended";
}

/** Billing periods of one license, newest first, with the seats consumed in each (final once closed). */
export function PeriodHistory({ periods, seatLimit }: { periods: TPeriod[]; seatLimit?: number }) {
  if (periods.length === 0) return <p className="text-sm text-slate-500">This license has no billing periods yet.</p>;
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="period-history">
        <caption className="sr-only">Billing periods</caption>
        <thead className="text-xs text-slate-500 uppercase">
          <tr>
            <th scope="col" className="py-2 pr-4">Period</th>
            <th scope="col" className="pr-4">Status</th>
            <th scope="col" className="pr-4 text-right">Seats consumed</th>
            <th scope="col">Seat alert</th>
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {periods.map((p) => (
            <tr key={p.id} data-period-id={p.id}>
              <td className="py-2 pr-4 whitespace-nowrap">
                {day(p.startsAt)} – {day(p.endsAt)}
              </td>
              <td className="pr-4">
                {p.current ? (
                  <span className="rounded-full bg-green-100 px-2 py-0.5 text-xs font-medium text-green-800">Current</span>
                ) : (
                  <span className="rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">Closed {p.closedAt ? day(p.closedAt) : ""}</span>
                )}
              </td>
              <td className="pr-4 text-right tabular-nums" data-testid={p.current ? "current-consumed" : undefined}>
                {p.seatsConsumed}
                {seatLimit !== undefined ? <span className="text-slate-400"> / {seatLimit}</span> : null}
              </td>
              <td className="text-slate-600">{p.seatAlertSentAt ? `Sent ${day(p.seatAlertSentAt)}` : "—"}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
