"use client";

import { PageError } from "@/components/billing/page-states";

export default function ConcurrencyError({ reset }: { error: Error; reset: () => void }) {
  return <PageError what="The license's concurrency report" reset={reset} />;
}
