"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "../ui/button";
import { rotateSigningKeyAction } from "./signing-key-actions";

/** Two steps, because rotating changes what every client app must trust. */
export function RotateSigningKeyButton() {
  const router = useRouter();
  const [confirming, setConfirming] = useState(false);
  const [message, setMessage] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function rotate() {
    startTransition(async () => {
      const result = await rotateSigningKeyAction();
      setConfirming(false);
      setMessage(result.ok ? { kind: "ok", text: `New signing key ${result.keyId} is active.` } : { kind: "error", text: result.message });
      if (result.ok) router.refresh();
    });
  }

  return (
    <div className="space-y-3">
      {confirming ? (
        <div className="space-y-3 rounded-md bg-amber-50 p-3 text-sm text-amber-900 ring-1 ring-amber-200" role="alertdialog" aria-labelledby="rotate-title">
          <p id="rotate-title" className="font-semibold">
            Rotate the signing key?
          </p>
          <p>
            From now on, license files and API answers are signed with a new key. Files issued before stay valid: their key
            stays listed below. Apps that ship only the current public key must get the new one from /api/v1/public-key.
          </p>
          <div className="flex gap-2">
            <Button type="button" variant="danger" onClick={rotate} disabled={pending} autoFocus>
              {pending ? "Rotating…" : "Rotate now"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setConfirming(false)} disabled={pending}>
              Cancel
            </Button>
          </div>
        </div>
      ) : (
        <Button type="button" variant="secondary" onClick={() => (setMessage(null), setConfirming(true))}>
          Rotate key…
        </Button>
      )}
      {message ? (
        <p
          role={message.kind === "error" ? "alert" : "status"}
          className={`rounded-md px-3 py-2 text-sm ${message.kind === "ok" ? "bg-green-50 text-green-800" : "bg-red-50 text-red-700"}`}
        >
          {message.text}
        </p>
      ) : null}
    </div>
  );
}
