"use client";

import { PageError } from "@/components/billing/page-states";

export default function BillingError({ reset }: { error: Error; reset: () => void }) {
  return <PageError what="The billing report" reset={reset} />;
}
