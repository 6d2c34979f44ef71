"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { resetPasswordAction, type TResetState } from "@/app/reset-password/actions";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/input";

export function ResetPasswordForm({ token, email, minLength }: { token: string; email: string; minLength: number }) {
  const router = useRouter();
  const [state, action, pending] = useActionState<TResetState, FormData>(resetPasswordAction, null);
  useEffect(() => {
    if (state?.ok) router.replace(`/login?reset=1&email=${encodeURIComponent(state.email)}`);
  }, [state, router]);
  const error = state && !state.ok ? state : null;
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <Field label="Email" htmlFor="email">
        <Input id="email" name="email" type="email" value={email} readOnly autoComplete="username" className="bg-slate-50" />
      </Field>
      <Field label="New password" htmlFor="password" error={error?.field === "password" ? error.error : undefined} hint={`At least ${minLength} characters.`}>
        <Input id="password" name="password" type="password" autoComplete="new-password" required minLength={minLength} autoFocus aria-invalid={error?.field === "password"} />
      </Field>
      <Field label="Repeat password" htmlFor="confirm" error={error?.field === "confirm" ? error.error : undefined}>
        <Input id="confirm" name="confirm" type="password" autoComplete="new-password" required aria-invalid={error?.field === "confirm"} />
      </Field>
      {error && !error.field ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {error.error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending || Boolean(state?.ok)}>
        {pending || state?.ok ? "Saving…" : "Set new password"}
      </Button>
    </form>
  );
}
