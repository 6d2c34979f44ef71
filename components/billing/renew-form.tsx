"use client";

import { useActionState, useState } from "react";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/input";
import { renewLicenseAction, type TRenewState } from "./actions";

type TProps = {
  licenseId: string;
  /** ISO date of the current expiry, null for a license that never expires. */
  expiresAt: string | null;
  /** False for read-only staff: the form is shown disabled (the server refuses them anyway). */
  canEdit: boolean;
};

const INITIAL: TRenewState = { ok: false };

/** Renew a license by a number of days or up to a date; opens a new billing period. */
export function RenewForm({ licenseId, expiresAt, canEdit }: TProps) {
  const [state, action, pending] = useActionState(renewLicenseAction, INITIAL);
  const [mode, setMode] = useState<"days" | "date">("days");
  const disabled = !canEdit || pending;
  return (
    <form action={action} className="space-y-4" aria-describedby="renew-help" noValidate>
      <input type="hidden" name="licenseId" value={licenseId} />
      <p id="renew-help" className="text-sm text-slate-600">
        {expiresAt
          ? `Currently expires ${expiresAt.slice(0, 10)}. Extending by days counts from that date while it is still ahead.`
          : "This license never expires: renewing starts a new billing period and keeps the license perpetual."}
      </p>
      <fieldset className="space-y-3" disabled={disabled}>
        <legend className="sr-only">Renew by</legend>
        <div className="flex gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" value="days" checked={mode === "days"} onChange={() => setMode("days")} />
            Extend by days
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="mode" value="date" checked={mode === "date"} onChange={() => setMode("date")} />
            Until a date
          </label>
        </div>
        {mode === "days" ? (
          <Field label="Days" htmlFor="renew-days" error={state.errors?.durationDays} hint="365 for a yearly renewal">
            <Input id="renew-days" name="durationDays" type="number" min={1} max={36500} step={1} defaultValue={365} className="max-w-40" aria-invalid={!!state.errors?.durationDays} />
          </Field>
        ) : (
          <Field label="New end date" htmlFor="renew-end" error={state.errors?.periodEnd} hint="Valid through the end of that day (UTC)">
            <Input id="renew-end" name="periodEnd" type="date" className="max-w-48" aria-invalid={!!state.errors?.periodEnd} />
          </Field>
        )}
      </fieldset>
      {state.errors?.form ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {state.errors.form}
        </p>
      ) : null}
      {state.ok && state.message ? (
        <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">
          {state.message}
        </p>
      ) : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={disabled}>
          {pending ? "Renewing…" : "Renew license"}
        </Button>
        {!canEdit ? <span className="text-xs text-slate-500">Read-only staff can't renew licenses.</span> : null}
      </div>
    </form>
  );
}
