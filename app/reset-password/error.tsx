"use client";

import { PageError } from "@/components/billing/page-states";

export default function ResetPasswordError({ reset }: { error: Error; reset: () => void }) {
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <PageError what="The password reset page" reset={reset} />
    </main>
  );
}
