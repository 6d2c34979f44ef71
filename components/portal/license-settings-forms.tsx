"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { changeActivationPasswordAction, changeAdministratorEmailAction } from "@/app/portal/licenses/[id]/settings/actions";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/input";
import { ConfirmDialog } from "./confirm-dialog";

type TErrors = Record<string, string | undefined>;

function Feedback({ error, done }: { error?: string; done?: string | null }) {
  if (error)
    return (
      <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
        {error}
      </p>
    );
  if (done)
    return (
      <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
        {done}
      </p>
    );
  return null;
}

/** Set, change or remove the activation password; the current one is never shown (only its hash is stored). */
export function ActivationPasswordForm({ licenseId, passwordSet }: { licenseId: string; passwordSet: boolean }) {
  const router = useRouter();
  const [errors, setErrors] = useState<TErrors>({});
  const [done, setDone] = useState<string | null>(null);
  const [confirmRemove, setConfirmRemove] = useState(false);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const password = String(data.get("password") ?? "");
    const confirm = String(data.get("confirm") ?? "");
    const next: TErrors = {};
    if (password.length < 4) next.password = "Use at least 4 characters";
    else if (password.length > 256) next.password = "Use at most 256 characters";
    if (!next.password && confirm !== password) next.confirm = "The passwords don't match";
    setErrors(next);
    setDone(null);
    if (next.password || next.confirm) return;
    startTransition(async () => {
      const result = await changeActivationPasswordAction(licenseId, { intent: "set", password, confirm });
      if (!result.ok) {
        const f = result.fieldErrors;
        setErrors(f?.password || f?.confirm ? { password: f.password, confirm: f.confirm } : { form: result.error });
        return;
      }
      form.reset();
      setDone(result.message ?? "Saved.");
      router.refresh();
    });
  }

  function remove() {
    setErrors({});
    setDone(null);
    startTransition(async () => {
      const result = await changeActivationPasswordAction(licenseId, { intent: "remove" });
      setConfirmRemove(false);
      if (!result.ok) setErrors({ form: result.error });
      else {
        setDone(result.message ?? "Saved.");
        router.refresh();
      }
    });
  }

  return (
    <div className="space-y-4">
      <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Activation password">
        <div className="grid gap-4 md:grid-cols-2">
          <Field label={passwordSet ? "New activation password" : "Activation password"} htmlFor="activation-password" error={errors.password} hint="At least 4 characters. Give it to the people who install the software.">
            <Input id="activation-password" name="password" type="password" autoComplete="new-password" maxLength={256} aria-invalid={Boolean(errors.password)} />
          </Field>
          <Field label="Repeat the password" htmlFor="activation-password-confirm" error={errors.confirm}>
            <Input id="activation-password-confirm" name="confirm" type="password" autoComplete="new-password" maxLength={256} aria-invalid={Boolean(errors.confirm)} />
          </Field>
        </div>
        <Feedback error={errors.form} done={done} />
        <div className="flex flex-wrap gap-2">
          <Button type="submit" disabled={pending}>
            {pending ? "Saving…" : passwordSet ? "Change password" : "Set password"}
          </Button>
          {passwordSet ? (
            <Button type="button" variant="secondary" disabled={pending} onClick={() => setConfirmRemove(true)}>
              Remove password
            </Button>
          ) : null}
        </div>
      </form>
      <ConfirmDialog
        open={confirmRemove}
        title="Remove the activation password?"
        confirmLabel="Remove password"
        pending={pending}
        onConfirm={remove}
        onClose={() => setConfirmRemove(false)}
      >
        Anyone with the license key can then activate a device. Devices already activated are not affected.
      </ConfirmDialog>
    </div>
  );
}

/** The License Administrator's own sign-in email. */
export function AdministratorEmailForm({ licenseId, currentEmail }: { licenseId: string; currentEmail: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<TErrors>({});
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const email = String(new FormData(form).get("email") ?? "").trim();
    const next: TErrors = {};
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) next.email = "Enter a valid email address";
    else if (email.toLowerCase() === currentEmail.toLowerCase()) next.email = "This is already your email";
    setErrors(next);
    setDone(null);
    if (next.email) return;
    startTransition(async () => {
      const result = await changeAdministratorEmailAction(licenseId, email);
      if (!result.ok) {
        // Validation and "already taken" belong under the field; a refusal or failure to the form.
        setErrors(result.code === "INVALID_REQUEST" || result.code === "CONFLICT" ? { email: result.error } : { form: result.error });
        return;
      }
      form.reset();
      setDone(`${result.message} Your new email: ${result.data.email}.`);
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Administrator email">
      <Field label="New email" htmlFor="administrator-email" error={errors.email} hint={`Now: ${currentEmail}`}>
        <Input id="administrator-email" name="email" type="email" autoComplete="email" maxLength={320} aria-invalid={Boolean(errors.email)} />
      </Field>
      <Feedback error={errors.form} done={done} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Change email"}
      </Button>
    </form>
  );
}
