"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, ResponsiveContainer, Tooltip, XAxis, YAxis } from "recharts";

export function UsageChart({ data, limit }: { data: { day: string; active: number }[]; limit: number }) {
  return (
    <div className="h-72 w-full" role="img" aria-label={`Active seats per day over the last ${data.length} days`}>
      <ResponsiveContainer width="100%" height="100%">
        <LineChart data={data} margin={{ top: 10, right: 24, bottom: 0, left: 0 }}>
          <CartesianGrid stroke="#e2e8f0" strokeDasharray="3 3" />
          <XAxis dataKey="day" tick={{ fontSize: 12, fill: "#64748b" }} minTickGap={32} />
          <YAxis allowDecimals={false} tick={{ fontSize: 12, fill: "#64748b" }} width={40} domain={[0, (max: number) => Math.max(max, limit)]} />
          <Tooltip formatter={(value) => [value, "Active seats"]} />
          {limit > 0 ? <ReferenceLine y={limit} stroke="#f59e0b" strokeDasharray="4 4" label={{ value: `Limit ${limit}`, fontSize: 12, fill: "#b45309", position: "insideTopRight" }} /> : null}
          <Line type="stepAfter" dataKey="active" stroke="#4f46e5" strokeWidth={2} dot={false} isAnimationActive={false} />
        </LineChart>
      </ResponsiveContainer>
    </div>
  );
}
