"use client";
import { Button } from "@/components/ui/button";

export default function WebhooksError({ reset }: { error: Error; reset: () => void }) {
  return (
    <div className="rounded-lg bg-red-50 p-4 text-sm text-red-800 ring-1 ring-red-200" role="alert">
      <p className="font-medium">The webhook settings could not be loaded.</p>
      <Button variant="secondary" className="mt-3" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
