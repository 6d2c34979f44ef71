"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { acceptInvitationAction } from "@/app/invite/actions";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/input";

export function AcceptInvitationForm({ token, email, askIdentity }: { token: string; email: string | null; askIdentity: boolean }) {
  const router = useRouter();
  const [errors, setErrors] = useState<Partial<Record<"email" | "name" | "password" | "confirm" | "form", string>>>({});
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const password = String(data.get("password") ?? "");
    const confirm = String(data.get("confirm") ?? "");
    const next: typeof errors = {};
    if (password.length < 10) next.password = "Use at least 10 characters";
    else if (password !== confirm) next.confirm = "The passwords don't match";
    const typedEmail = String(data.get("email") ?? "").trim();
    const name = String(data.get("name") ?? "").trim();
    if (askIdentity && !email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(typedEmail)) next.email = "Enter a valid email address";
    if (askIdentity && !name) next.name = "Enter your name";
    setErrors(next);
    if (Object.keys(next).length) return;
    startTransition(async () => {
      const result = await acceptInvitationAction({
        token,
        password,
        ...(askIdentity ? { name, ...(email ? {} : { email: typedEmail }) } : {}),
      });
      if (!result.ok) {
        setErrors(result.field ? { [result.field]: result.error } : { form: result.error });
        return;
      }
      router.replace(`/login?accepted=1&email=${encodeURIComponent(result.email)}`);
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4">
      {email ? (
        <Field label="Email" htmlFor="email">
          <Input id="email" name="email" type="email" value={email} readOnly autoComplete="username" className="bg-slate-50" />
        </Field>
      ) : askIdentity ? (
        <Field label="Email" htmlFor="email" error={errors.email}>
          <Input id="email" name="email" type="email" autoComplete="username" aria-invalid={Boolean(errors.email)} />
        </Field>
      ) : null}
      {askIdentity ? (
        <Field label="Your name" htmlFor="name" error={errors.name}>
          <Input id="name" name="name" autoComplete="name" aria-invalid={Boolean(errors.name)} />
        </Field>
      ) : null}
      <Field label="New password" htmlFor="password" error={errors.password} hint="At least 10 characters.">
        <Input id="password" name="password" type="password" autoComplete="new-password" aria-invalid={Boolean(errors.password)} autoFocus={!askIdentity} />
      </Field>
      <Field label="Repeat password" htmlFor="confirm" error={errors.confirm}>
        <Input id="confirm" name="confirm" type="password" autoComplete="new-password" aria-invalid={Boolean(errors.confirm)} />
      </Field>
      {errors.form ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {errors.form}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Saving…" : "Set password"}
      </Button>
    </form>
  );
}
