"use client";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { Button } from "@/components/ui/button";
import type { TWebhookActionResult } from "@/app/console/settings/webhooks/actions";
import { deleteEndpointAction, pingEndpointAction, resendDeliveryAction, revealSecretAction, rotateSecretAction } from "@/app/console/settings/webhooks/actions";
import { SecretBox } from "./secret-box";

function Feedback({ result }: { result: TWebhookActionResult | null }) {
  if (!result) return null;
  return result.ok ? (
    <p className="text-sm text-emerald-700" role="status">
      {result.message}
    </p>
  ) : (
    <p className="text-sm text-red-600" role="alert">
      {result.error}
    </p>
  );
}

export function SecretControls({ endpointId, canReveal }: { endpointId: string; canReveal: boolean }) {
  const [result, setResult] = useState<TWebhookActionResult | null>(null);
  const [pending, start] = useTransition();
  if (!canReveal) return <p className="text-sm text-slate-500">Only admin staff can see the signing secret.</p>;
  return (
    <div className="space-y-3">
      {result?.secret ? <SecretBox secret={result.secret} /> : <p className="font-mono text-sm text-slate-500">whsec_••••••••••••••••••••••••••••••••</p>}
      <div className="flex gap-2">
        <Button type="button" variant="secondary" disabled={pending} onClick={() => start(async () => setResult(await revealSecretAction(endpointId)))}>
          Reveal secret
        </Button>
        <Button
          type="button"
          variant="secondary"
          disabled={pending}
          onClick={() => {
            if (confirm("Generate a new secret? Deliveries signed with the old one will fail verification at your receiver.")) {
              start(async () => setResult(await rotateSecretAction(endpointId)));
            }
          }}
        >
          Rotate secret
        </Button>
      </div>
      {result && !result.ok ? <Feedback result={result} /> : result?.message ? <Feedback result={result} /> : null}
    </div>
  );
}

export function PingButton({ endpointId, disabled }: { endpointId: string; disabled: boolean }) {
  const [result, setResult] = useState<TWebhookActionResult | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <div className="flex items-center gap-3">
      <Button type="button" variant="secondary" disabled={disabled || pending} onClick={() => start(async () => { setResult(await pingEndpointAction(endpointId)); router.refresh(); })}>
        {pending ? "Sending…" : "Send test ping"}
      </Button>
      <Feedback result={result} />
    </div>
  );
}

export function DeleteEndpointButton({ endpointId, disabled }: { endpointId: string; disabled: boolean }) {
  const [result, setResult] = useState<TWebhookActionResult | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <div className="flex items-center gap-3">
      <Button
        type="button"
        variant="danger"
        disabled={disabled || pending}
        onClick={() => {
          if (!confirm("Delete this endpoint and its delivery history?")) return;
          start(async () => {
            const r = await deleteEndpointAction(endpointId);
            setResult(r);
            if (r.ok) router.push("/console/settings/webhooks");
          });
        }}
      >
        Delete endpoint
      </Button>
      <Feedback result={result && !result.ok ? result : null} />
    </div>
  );
}

export function ResendButton({ endpointId, deliveryId, disabled }: { endpointId: string; deliveryId: string; disabled: boolean }) {
  const [result, setResult] = useState<TWebhookActionResult | null>(null);
  const [pending, start] = useTransition();
  const router = useRouter();
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        className="rounded px-2 py-1 text-xs font-medium text-indigo-700 ring-1 ring-indigo-200 hover:bg-indigo-50 disabled:cursor-not-allowed disabled:text-slate-400 disabled:ring-slate-200"
        disabled={disabled || pending}
        onClick={() => start(async () => { setResult(await resendDeliveryAction(endpointId, deliveryId)); router.refresh(); })}
      >
        {pending ? "Sending…" : "Resend"}
      </button>
      {result && !result.ok ? <span className="text-xs text-red-600" role="alert">{result.error}</span> : null}
    </span>
  );
}
