"use client";

import Link from "next/link";
import { useActionState } from "react";
import { requestPasswordResetAction, type TForgotState } from "@/app/forgot-password/actions";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/input";

export function ForgotPasswordForm({ defaultEmail }: { defaultEmail?: string }) {
  const [state, action, pending] = useActionState<TForgotState, FormData>(requestPasswordResetAction, null);
  if (state?.ok) {
    return (
      <div className="space-y-3 text-sm text-slate-700" role="status">
        <p>
          If an account exists for <strong>{state.email}</strong>, we sent it a link to choose a new password. The link works for one hour.
        </p>
        <p className="text-slate-500">No email after a few minutes? Check your spam folder, or ask your administrator.</p>
        <p>
          <Link href="/login" className="font-medium text-indigo-700 hover:underline">
            Back to sign in
          </Link>
        </p>
      </div>
    );
  }
  const fieldError = state && !state.ok && state.field === "email" ? state.error : undefined;
  return (
    <form action={action} className="space-y-4" noValidate>
      <Field label="Email" htmlFor="email" error={fieldError} hint="The address you sign in with.">
        <Input id="email" name="email" type="email" autoComplete="username" required autoFocus defaultValue={state?.email ?? defaultEmail} aria-invalid={Boolean(fieldError)} />
      </Field>
      {state && !state.ok && !state.field ? (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" role="alert">
          {state.error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Sending…" : "Send reset link"}
      </Button>
      <p className="text-center text-sm">
        <Link href="/login" className="font-medium text-indigo-700 hover:underline">
          Back to sign in
        </Link>
      </p>
    </form>
  );
}
