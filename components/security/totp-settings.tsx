"use client";

import { useActionState, useState, useTransition } from "react";
import { confirmTotpAction, disableTotpAction, startTotpAction, type TTotpState } from "@/app/console/settings/security/actions";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/input";

function Message({ state }: { state: TTotpState }) {
  if (state.error)
    return (
      <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" role="alert">
        {state.error}
      </p>
    );
  if (state.ok)
    return (
      <p className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800" role="status">
        {state.ok}
      </p>
    );
  return null;
}

function CodeField({ id }: { id: string }) {
  return (
    <Field label="6-digit code from the app" htmlFor={id}>
      <Input id={id} name="code" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} required className="max-w-40 font-mono tracking-widest" />
    </Field>
  );
}

export function TotpSettings({ enabled }: { enabled: boolean }) {
  const [started, setStarted] = useState<TTotpState>({});
  const [starting, startTransition] = useTransition();
  const [confirmState, confirm, confirming] = useActionState(confirmTotpAction, {});
  const [disableState, disable, disabling] = useActionState(disableTotpAction, {});

  if (enabled) {
    return (
      <div className="space-y-4">
        <p className="text-sm text-slate-700">
          <span className="mr-2 inline-flex rounded-full bg-green-100 px-2 py-0.5 text-xs font-medium text-green-800">On</span>
          Every sign-in asks for a code from your authenticator app.
        </p>
        <Message state={confirmState} />
        <form action={disable} className="space-y-3" aria-label="Turn off two-factor sign-in">
          <CodeField id="disable-code" />
          <Message state={disableState} />
          <Button type="submit" variant="danger" disabled={disabling}>
            {disabling ? "Turning off…" : "Turn off two-factor sign-in"}
          </Button>
        </form>
      </div>
    );
  }

  if (confirmState.ok) return <Message state={confirmState} />;

  const enrollment = started.enrollment;
  return (
    <div className="space-y-4">
      <p className="text-sm text-slate-700">
        <span className="mr-2 inline-flex rounded-full bg-slate-100 px-2 py-0.5 text-xs font-medium text-slate-700">Off</span>
        Use an authenticator app (1Password, Google Authenticator, Authy, …) for a second sign-in step.
      </p>
      <Message state={disableState.ok ? disableState : started} />
      {!enrollment ? (
        <Button type="button" disabled={starting} onClick={() => startTransition(async () => setStarted(await startTotpAction()))}>
          {starting ? "Preparing…" : "Set up two-factor sign-in"}
        </Button>
      ) : (
        <form action={confirm} className="space-y-4" aria-label="Confirm two-factor sign-in">
          <ol className="list-decimal space-y-3 pl-5 text-sm text-slate-700">
            <li>
              Scan this QR code with your authenticator app.
              {/* eslint-disable-next-line @next/next/no-img-element */}
              <img src={enrollment.qrDataUrl} alt="QR code for your authenticator app" width={176} height={176} className="mt-2 rounded ring-1 ring-slate-200" />
            </li>
            <li>
              Or enter this key by hand: <code className="rounded bg-slate-100 px-1.5 py-0.5 font-mono text-xs break-all" data-testid="totp-secret">{enrollment.secret}</code>
            </li>
            <li>Enter the code the app shows to finish.</li>
          </ol>
          <CodeField id="confirm-code" />
          <Message state={confirmState} />
          <div className="flex gap-2">
            <Button type="submit" disabled={confirming}>
              {confirming ? "Checking…" : "Turn on"}
            </Button>
            <Button type="button" variant="secondary" onClick={() => setStarted({})}>
              Cancel
            </Button>
          </div>
        </form>
      )}
    </div>
  );
}
