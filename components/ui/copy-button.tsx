"use client";

import { useState } from "react";
import { Button } from "./button";

export function CopyButton({ text, label = "Copy" }: { text: string; label?: string }) {
  const [copied, setCopied] = useState<boolean | null>(null);
  async function copy() {
    try {
      await navigator.clipboard.writeText(text);
      setCopied(true);
    } catch {
      setCopied(false);
    }
    setTimeout(() => setCopied(null), 2000);
  }
  return (
    <Button type="button" variant="secondary" onClick={copy} aria-live="polite">
      {copied === true ? "Copied" : copied === false ? "Copy failed: select the text" : label}
    </Button>
  );
}
