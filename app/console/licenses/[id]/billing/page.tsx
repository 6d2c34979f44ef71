import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { PeriodHistory } from "@/components/billing/period-history";
import { RenewForm } from "@/components/billing/renew-form";
import { Card, Stat } from "@/components/ui/card";
import { ApiError } from "@/lib/api/errors";
import { getLicense } from "@/lib/admin/get-license";
import { licenseUsage, listLicensePeriods } from "@/lib/billing/license-periods";
import { currentUser } from "@/lib/auth/session";

export const metadata: Metadata = { title: "License billing" };

// Temporary home of the renew form and period history until they move onto the license detail page.
export default async function LicenseBillingPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser();
  let license;
  try {
    license = await getLicense(id);
  } catch (error) {
    if (error instanceof ApiError && error.code === "LICENSE_NOT_FOUND") notFound();
    throw error;
  }
  const [{ periods }, usage] = await Promise.all([listLicensePeriods(id), licenseUsage(id, "current").catch(() => null)]);
  const customer = license.organization?.name ?? license.name ?? license.key;
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-500">
          <Link href="/console/billing" className="hover:underline">Billing</Link> / License
        </p>
        <h1 className="text-xl font-semibold">{customer}</h1>
        <p className="font-mono text-xs text-slate-500">{license.key}</p>
      </div>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label="Consumed this period" value={<span data-testid="period-consumed">{usage?.seatsConsumed ?? 0}</span>} hint="distinct devices that checked in" />
        <Stat label="Seats in use now" value={`${usage?.seatsActive ?? license.seats.used} / ${license.seats.limit}`} />
        <Stat label="Seat alert at" value={license.seatAlertThreshold ?? "Off"} hint={license.seatAlertThreshold ? "consumed seats per period" : undefined} />
        <Stat label="Expires" value={license.expiresAt ? license.expiresAt.slice(0, 10) : "Never"} />
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Renew" className="lg:col-span-1">
          <RenewForm licenseId={license.id} expiresAt={license.expiresAt} canEdit={user?.role === "ADMIN"} />
        </Card>
        <Card title="Billing periods" className="lg:col-span-2">
          <PeriodHistory periods={periods} seatLimit={license.seats.limit} />
        </Card>
      </div>
    </div>
  );
}
