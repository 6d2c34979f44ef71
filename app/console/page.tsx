import type { Metadata } from "next";
import { Card, Stat } from "@/components/ui/card";
import { listLicenses } from "@/lib/admin/list-licenses";
import { dashboardStats } from "@/lib/console/dashboard-stats";

export const metadata: Metadata = { title: "Dashboard" };

export default async function ConsoleHome() {
  const [stats, recent] = await Promise.all([dashboardStats(), listLicenses({ page: 1, pageSize: 10 })]);
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Dashboard</h1>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label="Active licenses" value={stats.activeLicenses} />
        <Stat label="Seats in use" value={`${stats.seatsInUse} / ${stats.seatsSold}`} hint="in use / sold" />
        <Stat label="Expiring in 30 days" value={stats.expiringSoon} />
        <Stat label="Licenses (all)" value={recent.total} />
      </div>
      <Card title="Recent licenses">
        {recent.licenses.length === 0 ? (
          <p className="text-sm text-slate-500">No licenses yet.</p>
        ) : (
          <table className="w-full text-left text-sm">
            <thead className="text-xs text-slate-500 uppercase">
              <tr>
                <th className="py-2">Customer</th>
                <th>Product</th>
                <th>Key</th>
                <th>Status</th>
                <th>Seats</th>
                <th>Expires</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {recent.licenses.map((l) => (
                <tr key={l.id}>
                  <td className="py-2">{l.organization?.name ?? l.name ?? "—"}</td>
                  <td>{l.product.name}</td>
                  <td className="font-mono text-xs">{l.key}</td>
                  <td>{l.status}</td>
                  <td>
                    {l.seats.used} / {l.seats.limit}
                  </td>
                  <td>{l.expiresAt ? new Date(l.expiresAt).toLocaleDateString("en-CA") : "Never"}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
    </div>
  );
}
