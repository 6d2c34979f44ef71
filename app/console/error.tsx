"use client";

import { Button } from "@/components/ui/button";

export default function ConsoleError({ error, reset }: { error: Error & { digest?: string }; reset: () => void }) {
  return (
    <div role="alert" className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-red-200">
      <h1 className="text-lg font-semibold text-red-800">This page could not be loaded</h1>
      <p className="mt-1 text-sm text-slate-600">
        Something went wrong on the server. Try again; if it keeps failing, the server log has the details
        {error.digest ? ` (reference ${error.digest})` : ""}.
      </p>
      <Button className="mt-4" onClick={reset}>
        Try again
      </Button>
    </div>
  );
}
