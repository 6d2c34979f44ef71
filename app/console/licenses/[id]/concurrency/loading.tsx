import { LicenseSubpageSkeleton } from "@/components/licenses/license-subpage-skeleton";

export default function Loading() {
  return <LicenseSubpageSkeleton label="Loading the concurrency report…" />;
}
