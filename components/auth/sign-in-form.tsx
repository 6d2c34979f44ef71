"use client";

import { signIn } from "next-auth/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/input";

export function SignInForm({ callbackUrl, defaultEmail }: { callbackUrl: string; defaultEmail?: string }) {
  const router = useRouter();
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);
  // Shown once the password was right and the account has two-factor sign-in on.
  const [needsCode, setNeedsCode] = useState(false);

  async function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    setPending(true);
    setError(null);
    const form = new FormData(event.currentTarget);
    const result = await signIn("credentials", {
      email: String(form.get("email") ?? ""),
      password: String(form.get("password") ?? ""),
      totp: String(form.get("totp") ?? ""),
      redirect: false,
    });
    setPending(false);
    if (!result || result.error) {
      if (result?.error === "TOTP_REQUIRED") {
        setNeedsCode(true);
        setError(null);
      } else if (result?.error === "TOTP_INVALID") {
        setNeedsCode(true);
        setError("That code is not right. Enter the current code from your authenticator app.");
      } else if (result?.error === "RATE_LIMITED" || result?.status === 429) {
        setError("Too many attempts. Wait a minute and try again.");
      } else {
        setError("Wrong email or password.");
      }
      return;
    }
    router.replace(callbackUrl);
    router.refresh();
  }

  return (
    <form onSubmit={onSubmit} className="space-y-4" noValidate>
      <Field label="Email" htmlFor="email">
        <Input id="email" name="email" type="email" autoComplete="username" required autoFocus={!defaultEmail} defaultValue={defaultEmail} />
      </Field>
      <Field label="Password" htmlFor="password">
        <Input id="password" name="password" type="password" autoComplete="current-password" required autoFocus={Boolean(defaultEmail)} />
      </Field>
      {needsCode ? (
        <Field label="Authentication code" htmlFor="totp" hint="The 6-digit code from your authenticator app.">
          <Input id="totp" name="totp" inputMode="numeric" autoComplete="one-time-code" pattern="[0-9 ]*" maxLength={7} required autoFocus />
        </Field>
      ) : null}
      {error ? (
        <p className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700" role="alert">
          {error}
        </p>
      ) : null}
      <Button type="submit" className="w-full" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
      <p className="text-center text-sm">
        <Link href="/forgot-password" className="font-medium text-indigo-700 hover:underline">
          Forgot your password?
        </Link>
      </p>
    </form>
  );
}
