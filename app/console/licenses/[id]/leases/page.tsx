import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LeasePanel } from "@/components/licenses/lease-panel";
import { LicenseSubpageHeader } from "@/components/licenses/license-subpage-header";
import { currentUser } from "@/lib/auth/session";
import { findLicenseById } from "@/lib/licensing/find-license";
import { leaseOverview } from "@/lib/licensing/lease-overview";
import { revokeLeaseAction } from "./actions";

export const metadata: Metadata = { title: "Leases" };
export const dynamic = "force-dynamic";

export default async function LeasesPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const license = await findLicenseById(id);
  if (!license) notFound();
  const [user, overview] = await Promise.all([currentUser(), leaseOverview(license)]);
  return (
    <div className="space-y-6">
      <LicenseSubpageHeader licenseId={id} title="Leases" license={overview.header} active="leases" area="console" />
      <LeasePanel licenseId={id} overview={overview} revokeAction={user?.role === "ADMIN" ? revokeLeaseAction : undefined} />
    </div>
  );
}
