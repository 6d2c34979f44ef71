import type { Metadata } from "next";
import { LeasePanel } from "@/components/licenses/lease-panel";
import { LicenseSubpageHeader } from "@/components/licenses/license-subpage-header";
import { orgLeaseOverview } from "@/lib/portal/org-license-reports";
import { requireOrgActor } from "@/lib/portal/session";
import { notFoundIfMissing } from "../not-found-if-missing";
import { revokeOrgLeaseAction } from "./actions";

export const metadata: Metadata = { title: "Leases" };
export const dynamic = "force-dynamic";

export default async function PortalLeasesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireOrgActor(`/portal/licenses/${id}/leases`);
  const overview = await orgLeaseOverview(actor, id).catch(notFoundIfMissing);
  return (
    <div className="space-y-6">
      <LicenseSubpageHeader licenseId={id} title="Leases" license={overview.header} active="leases" area="portal" />
      <LeasePanel licenseId={id} overview={overview} revokeAction={overview.canRevoke ? revokeOrgLeaseAction : undefined} />
      {overview.floating && !overview.canRevoke ? (
        <p className="text-xs text-slate-500" data-testid="revoke-needs-permission">
          Revoking a lease needs the permission to deactivate seats: ask an admin of {actor.organizationName} who has it.
        </p>
      ) : null}
    </div>
  );
}
