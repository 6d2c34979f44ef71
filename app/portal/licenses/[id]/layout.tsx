import type { ReactNode } from "react";
import { findAdminOrgLicense } from "@/lib/portal/find-org-license";
import { requireOrgActor } from "@/lib/portal/session";
import { notFoundIfMissing } from "./not-found-if-missing";

// Above the pages' loading boundaries, so a member or another organization's admin gets a real 404
// status, not a streamed not-found page. The pages check again: layouts and pages render in parallel.
export default async function PortalLicenseLayout({ children, params }: { children: ReactNode; params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireOrgActor();
  await findAdminOrgLicense(actor, id).catch(notFoundIfMissing);
  return children;
}
