"use client";
import { useState } from "react";
import { Button } from "@/components/ui/button";

export function SecretBox({ secret }: { secret: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className="flex items-center gap-2">
      <code data-testid="webhook-secret" className="flex-1 rounded-md bg-slate-900 px-3 py-2 font-mono text-xs break-all text-emerald-300">
        {secret}
      </code>
      <Button
        type="button"
        variant="secondary"
        onClick={async () => {
          await navigator.clipboard?.writeText(secret).catch(() => {});
          setCopied(true);
        }}
      >
        {copied ? "Copied" : "Copy"}
      </Button>
    </div>
  );
}
