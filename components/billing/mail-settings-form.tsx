"use client";

import { useActionState } from "react";
import { saveMailSettingsAction, type TMailSettingsState } from "@/app/console/settings/email/actions";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/input";

export function MailSettingsForm({ billingContact, sender, defaultSender, canEdit }: { billingContact: string; sender: string; defaultSender: string; canEdit: boolean }) {
  const [state, action, pending] = useActionState(saveMailSettingsAction, { ok: false } as TMailSettingsState);
  const values = state.values ?? { billingContact, sender };
  return (
    <form action={action} className="max-w-xl space-y-4" noValidate>
      <fieldset className="space-y-4" disabled={!canEdit || pending}>
        <Field label="Vendor billing contact" htmlFor="billingContact" error={state.errors?.billingContact} hint="Receives seat alerts. Empty: the first admin gets them.">
          <Input id="billingContact" name="billingContact" type="email" placeholder="billing@your-company.com" defaultValue={values.billingContact} key={`bc-${values.billingContact}`} aria-invalid={!!state.errors?.billingContact} />
        </Field>
        <Field label="Sender" htmlFor="sender" error={state.errors?.sender} hint={`Shown as From. Empty: ${defaultSender}`}>
          <Input id="sender" name="sender" placeholder='Acme Licensing <licensing@acme.com>' defaultValue={values.sender} key={`s-${values.sender}`} aria-invalid={!!state.errors?.sender} />
        </Field>
      </fieldset>
      {state.errors?.form ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{state.errors.form}</p> : null}
      {state.ok && state.message ? <p role="status" className="rounded-md bg-green-50 px-3 py-2 text-sm text-green-800">{state.message}</p> : null}
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={!canEdit || pending}>{pending ? "Saving…" : "Save"}</Button>
        {!canEdit ? <span className="text-xs text-slate-500">Only admins can change email settings.</span> : null}
      </div>
    </form>
  );
}
