"use client";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import type { TEmailSettingsResult } from "@/app/console/settings/emails/actions";

type TProps = {
  action: (previous: TEmailSettingsResult | null, form: FormData) => Promise<TEmailSettingsResult>;
  kinds: { kind: string; label: string; audience: string }[];
  audiences: { value: string; label: string }[];
  expiryDays: number[];
  leaseDenialThreshold: number;
  readOnly: boolean;
};

export function EmailSettingsForm({ action, kinds, audiences, expiryDays, leaseDenialThreshold, readOnly }: TProps) {
  const [state, formAction, pending] = useActionState(action, null);
  // React resets a form after its action; a refused submission comes back in state.values and is shown again.
  const submitted = state?.values;
  return (
    <form action={formAction} className="space-y-4">
      <fieldset disabled={readOnly || pending} className="space-y-4">
        <table className="w-full text-left text-sm">
          <thead className="text-xs text-slate-500 uppercase">
            <tr>
              <th className="py-2">Notice</th>
              <th>Sent to</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {kinds.map((k) => (
              <tr key={k.kind}>
                <td className="py-2">
                  <label htmlFor={`recipients.${k.kind}`}>{k.label}</label>
                </td>
                <td>
                  {/* Keyed on its default: React updates an uncontrolled select's default only when it mounts. */}
                  <select
                    key={submitted?.[`recipients.${k.kind}`] ?? k.audience}
                    id={`recipients.${k.kind}`}
                    name={`recipients.${k.kind}`}
                    defaultValue={submitted?.[`recipients.${k.kind}`] ?? k.audience} className="rounded-md px-2 py-1 text-sm ring-1 ring-slate-300">
                    {audiences.map((a) => (
                      <option key={a.value} value={a.value}>
                        {a.label}
                      </option>
                    ))}
                  </select>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <Field label="Expiry notices (days before expiry)" htmlFor="expiryDays" error={state?.fieldErrors?.expiryDays} hint="One notice per threshold, plus one when the license expires.">
          <Input id="expiryDays" name="expiryDays" defaultValue={submitted?.expiryDays ?? expiryDays.join(", ")} className="max-w-xs" />
        </Field>
        <Field
          label="Floating lease denials per day before a notice"
          htmlFor="leaseDenialThreshold"
          error={state?.fieldErrors?.leaseDenialThreshold}
          hint="When a floating license's refused seat requests in one UTC day reach this number, one notice goes out for that license and day. 0 turns it off."
        >
          <Input id="leaseDenialThreshold" name="leaseDenialThreshold" type="number" min={0} step={1} inputMode="numeric" defaultValue={submitted?.leaseDenialThreshold ?? String(leaseDenialThreshold)} className="max-w-32" />
        </Field>
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={readOnly || pending}>
          {pending ? "Saving…" : "Save"}
        </Button>
        {state?.error ? <p className="text-sm text-red-600" role="alert">{state.error}</p> : null}
        {state?.ok ? <p className="text-sm text-emerald-700" role="status">{state.message}</p> : null}
        {readOnly ? <p className="text-sm text-slate-500">Read-only staff can't change these settings.</p> : null}
      </div>
    </form>
  );
}
