"use client";

import { Bar, CartesianGrid, ComposedChart, Legend, Line, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";
import type { TBucket, TConcurrencyPoint } from "@/lib/reports/concurrency";

type TProps = { points: TConcurrencyPoint[]; seatLimit: number; bucket: TBucket };

/** Peak and average concurrent leases per bucket, refused checkouts as bars, the seat limit as a line. */
export function ConcurrencyChart({ points, seatLimit, bucket }: TProps) {
  const label = (iso: string) => (bucket === "hour" ? `${iso.slice(5, 10)} ${iso.slice(11, 16)}` : iso.slice(0, 10));
  const maxY = Math.max(seatLimit, ...points.map((p) => p.peak)) + 1;
  return (
    <figure aria-label="Concurrent leases over time" className="h-80 w-full">
      <ResponsiveContainer width="100%" height="100%">
        <ComposedChart data={points} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" vertical={false} />
          <XAxis dataKey="start" tickFormatter={label} minTickGap={32} tick={{ fontSize: 12, fill: "#64748b" }} />
          <YAxis yAxisId="leases" allowDecimals={false} domain={[0, maxY]} tick={{ fontSize: 12, fill: "#64748b" }} width={40} />
          <YAxis yAxisId="refused" orientation="right" allowDecimals={false} tick={{ fontSize: 12, fill: "#b91c1c" }} width={40} />
          <Tooltip
            labelFormatter={(value) => `${label(String(value))} UTC`}
            formatter={(value, name) => [value, name]}
            contentStyle={{ fontSize: 12, borderRadius: 6 }}
          />
          <Legend wrapperStyle={{ fontSize: 12 }} />
          <Bar yAxisId="refused" dataKey="refused" name="Refused checkouts" fill="#fca5a5" isAnimationActive={false} />
          <Line yAxisId="leases" type="stepAfter" dataKey="peak" name="Peak leases" stroke="#4f46e5" strokeWidth={2} dot={false} isAnimationActive={false} />
          <Line yAxisId="leases" type="monotone" dataKey="average" name="Average leases" stroke="#0d9488" strokeWidth={1.5} dot={false} isAnimationActive={false} />
          <ReferenceLine yAxisId="leases" y={seatLimit} stroke="#dc2626" strokeDasharray="4 4" label={{ value: `${seatLimit} ${seatLimit === 1 ? "seat" : "seats"}`, fontSize: 12, fill: "#dc2626", position: "insideTopLeft" }} />
        </ComposedChart>
      </ResponsiveContainer>
    </figure>
  );
}
