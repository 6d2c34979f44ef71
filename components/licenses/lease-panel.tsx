import { LeaseList, type TRevokeAction } from "@/components/licenses/lease-list";
import { Card, Stat } from "@/components/ui/card";
import type { TLeaseOverview } from "@/lib/licensing/lease-overview";

type TProps = {
  licenseId: string;
  overview: TLeaseOverview;
  /** Only for viewers allowed to revoke; the action authorizes again on the server. */
  revokeAction?: TRevokeAction;
};

/** Seat stats and the current leases of a license, shared by the console and the portal. */
export function LeasePanel({ licenseId, overview, revokeAction }: TProps) {
  const { floating, leases, used, limit, leaseDurationSeconds } = overview;
  if (!floating) {
    return (
      <Card>
        <p className="text-sm text-slate-600">
          This license is node-locked: its seats have no lease and are listed with the license&apos;s activations.
        </p>
      </Card>
    );
  }
  return (
    <>
      <div className="grid grid-cols-2 gap-4 md:grid-cols-4">
        <Stat label="Leased now" value={`${used} / ${limit}`} hint="seats in use / seats" />
        <Stat label="Free seats" value={Math.max(0, limit - used)} />
        <Stat label="Lease duration" value={formatSeconds(leaseDurationSeconds)} hint="renewed by each heartbeat" />
        <Stat label="Apps refresh" value={`every ≤ ${formatSeconds(Math.floor(leaseDurationSeconds / 2))}`} hint="half the lease duration" />
      </div>
      <Card title={`Current leases (${leases.length})`}>
        <LeaseList licenseId={licenseId} leases={leases} seatLimit={limit} serverNow={overview.serverNow} revokeAction={revokeAction} />
      </Card>
      <p className="text-xs text-slate-500">
        A lease that is not renewed frees its seat the moment it expires.
        {revokeAction ? " Revoking frees the seat at once; the app is told (DEACTIVATED) on its next heartbeat and has to check out again." : null}
      </p>
    </>
  );
}

function formatSeconds(seconds: number): string {
  if (seconds % 3600 === 0) return `${seconds / 3600} h`;
  if (seconds % 60 === 0) return `${seconds / 60} min`;
  return `${seconds} s`;
}
