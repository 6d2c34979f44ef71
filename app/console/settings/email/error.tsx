"use client";

import { PageError } from "@/components/billing/page-states";

export default function PageErrorBoundary({ reset }: { error: Error; reset: () => void }) {
  return <PageError what="Email settings" reset={reset} />;
}
