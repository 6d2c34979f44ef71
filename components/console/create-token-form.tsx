"use client";

import { useActionState } from "react";
import { createTokenAction } from "@/app/console/settings/actions";
import { buttonClass } from "../ui/button";
import { FieldInput, FormErrorsProvider, FormField, submitForm } from "./action-form";
import { CopyButton } from "./copy-button";

/** The new token is shown exactly once, here; only its digest is stored. */
export function CreateTokenForm() {
  const [state, action, pending] = useActionState(createTokenAction, null);
  const created = state?.ok ? (state.data as { token: string } | undefined) : undefined;
  return (
    <div className="space-y-4">
      {created ? (
        <div role="status" className="rounded-md bg-green-50 p-4 ring-1 ring-green-200">
          <p className="text-sm font-medium text-green-900">Copy this token now. It won&apos;t be shown again.</p>
          <div className="mt-2 flex flex-wrap items-center gap-3">
            <code data-testid="new-token" className="rounded bg-white px-2 py-1 font-mono text-xs break-all ring-1 ring-green-200">
              {created.token}
            </code>
            <CopyButton value={created.token} label="Copy token" />
          </div>
        </div>
      ) : null}
      <FormErrorsProvider value={state && !state.ok ? (state.fieldErrors ?? {}) : {}}>
        <form onSubmit={(e) => submitForm(e, action)} noValidate className="grid max-w-2xl gap-4 sm:grid-cols-3">
          <FormField name="name" label="Name" hint="What uses it, e.g. billing sync">
            <FieldInput name="name" maxLength={100} required />
          </FormField>
          <FormField name="expiresInDays" label="Expires after (days)" hint="Empty: never">
            <FieldInput name="expiresInDays" type="number" min={1} />
          </FormField>
          <div className="flex items-end gap-3">
            <button type="submit" disabled={pending} className={buttonClass("primary")}>
              {pending ? "Creating…" : "Create token"}
            </button>
          </div>
          {state && !state.ok ? (
            <p role="alert" className="text-sm text-red-700 sm:col-span-3">
              {state.error}
            </p>
          ) : null}
        </form>
      </FormErrorsProvider>
    </div>
  );
}
