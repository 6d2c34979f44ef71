import type { Metadata } from "next";
import Link from "next/link";
import { EventsTable } from "@/components/console/events-table";
import { fmtNumber } from "@/components/console/format";
import { LicensesTable } from "@/components/console/licenses-table";
import { SeatAlertsTable } from "@/components/console/seat-alerts-table";
import { Stat } from "@/components/ui/card";
import { listLicenses } from "@/lib/admin/list-licenses";
import { dashboardStats } from "@/lib/console/dashboard-stats";
import { listEvents } from "@/lib/console/list-events";
import { listSeatAlerts } from "@/lib/console/list-seat-alerts";

export const metadata: Metadata = { title: "Dashboard" };

export default async function ConsoleHome() {
  const [stats, alerts, expiring, events] = await Promise.all([
    dashboardStats(),
    listSeatAlerts(8),
    listLicenses({ page: 1, pageSize: 8, expiringWithinDays: 30, status: "ACTIVE", sort: "expiresAt", dir: "asc" }),
    listEvents({ pageSize: 10 }),
  ]);
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Dashboard</h1>
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Stat label="Active licenses" value={fmtNumber(stats.activeLicenses)} />
        <Stat label="Seats in use" value={`${fmtNumber(stats.seatsInUse)} / ${fmtNumber(stats.seatsSold)}`} hint="in use / sold, active licenses" />
        <Stat label="Expiring in 30 days" value={<Link className="hover:underline" href="/console/licenses?expiringWithinDays=30&status=ACTIVE&sort=expiresAt&dir=asc">{fmtNumber(stats.expiringSoon)}</Link>} />
        <Stat label="At seat alert" value={fmtNumber(alerts.total)} hint="consumed ≥ alert threshold this period" />
      </div>
      <div className="grid gap-6 xl:grid-cols-3">
        <section className="space-y-2 xl:col-span-2" aria-labelledby="expiring-heading">
          <Heading id="expiring-heading" title="Expiring in the next 30 days" href="/console/licenses?expiringWithinDays=30&status=ACTIVE&sort=expiresAt&dir=asc" />
          <LicensesTable
            data={expiring.licenses}
            total={expiring.total}
            page={1}
            pageSize={8}
            sort={{ id: "expiresAt", desc: false }}
            paginate={false}
            empty={{ title: "Nothing expires in the next 30 days" }}
          />
        </section>
        <section className="space-y-2" aria-labelledby="alerts-heading">
          <Heading id="alerts-heading" title="At or over their seat alert" />
          <SeatAlertsTable rows={alerts.rows} />
        </section>
      </div>
      <section className="space-y-2" aria-labelledby="events-heading">
        <Heading id="events-heading" title="Recent events" href="/console/events" />
        <EventsTable data={events.events} total={events.total} page={1} pageSize={10} paginate={false} empty={{ title: "No events yet" }} />
      </section>
    </div>
  );
}

function Heading({ id, title, href }: { id: string; title: string; href?: string }) {
  return (
    <div className="flex items-center justify-between">
      <h2 id={id} className="text-sm font-semibold text-slate-800">
        {title}
      </h2>
      {href ? (
        <Link href={href} className="text-sm text-indigo-700 hover:underline">
          View all
        </Link>
      ) : null}
    </div>
  );
}
