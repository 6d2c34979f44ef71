import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LeaseList } from "@/components/licenses/lease-list";
import { LicenseSubpageHeader } from "@/components/licenses/license-subpage-header";
import { Card, Stat } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/session";
import { countSeatsInUse } from "@/lib/licensing/count-seats";
import { findLicenseById } from "@/lib/licensing/find-license";
import { seatLimit } from "@/lib/licensing/license-rules";
import { listCurrentLeases } from "@/lib/licensing/list-leases";
import { db } from "@/lib/db";
import { revokeLeaseAction } from "./actions";

export const metadata: Metadata = { title: "Leases" };
export const dynamic = "force-dynamic";

export default async function LeasesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const license = await findLicenseById(id);
  if (!license) notFound();
  const now = new Date();
  const [user, leases, used] = await Promise.all([currentUser(), listCurrentLeases(id, now), countSeatsInUse(db, id, now)]);
  const limit = seatLimit(license);
  const floating = license.policy.model === "FLOATING";
  const header = {
    name: license.name,
    organization: license.organization?.name ?? null,
    product: license.policy.product.name,
    model: license.policy.model,
  };
  return (
    <div className="space-y-6">
      <LicenseSubpageHeader licenseId={id} title="Leases" license={header} active="leases" />
      {!floating ? (
        <Card>
          <p className="text-sm text-slate-600">
            This license is node-locked: its seats have no lease and are listed with the license&apos;s activations.
          </p>
        </Card>
      ) : (
        <>
          <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
            <Stat label="Leased now" value={`${used} / ${limit}`} hint="seats in use / seats" />
            <Stat label="Free seats" value={Math.max(0, limit - used)} />
            <Stat label="Lease duration" value={formatSeconds(license.policy.leaseDurationSeconds)} hint="renewed by each heartbeat" />
            <Stat label="Apps refresh" value={`every ≤ ${formatSeconds(Math.floor(license.policy.leaseDurationSeconds / 2))}`} hint="half the lease duration" />
          </div>
          <Card title={`Current leases (${leases.length})`}>
            <LeaseList
              licenseId={id}
              leases={leases}
              seatLimit={limit}
              serverNow={now.toISOString()}
              revokeAction={user?.role === "ADMIN" ? revokeLeaseAction : undefined}
            />
          </Card>
          <p className="text-xs text-slate-500">
            A lease that is not renewed frees its seat the moment it expires. Revoking frees the seat at once; the app
            gets 404 ACTIVATION_NOT_FOUND on its next heartbeat and has to check out again.
          </p>
        </>
      )}
    </div>
  );
}

function formatSeconds(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
