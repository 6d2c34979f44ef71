"use client";

import { PageError } from "@/components/billing/page-states";

export default function LeasesError({ reset }: { error: Error; reset: () => void }) {
  return <PageError what="The license's leases" reset={reset} />;
}
