"use client";

import { Button } from "@/components/ui/button";

export default function LeasesError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg bg-red-50 p-6 ring-1 ring-red-200">
      <h2 className="font-semibold text-red-800">This page could not be loaded.</h2>
      <p className="mt-1 text-sm text-red-700">The server had a problem reading the license. Try again in a moment.</p>
      <Button className="mt-4" variant="secondary" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
