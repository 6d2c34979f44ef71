"use client";

import { useActionState } from "react";
import { buttonClass } from "@/components/ui/button";
import { completeWelcomeAction, type TWelcomeState } from "./actions";

const CONTROL = "mt-1 block w-full rounded-md border border-slate-300 px-3 py-2 text-sm focus:border-indigo-500 focus:ring-2 focus:ring-indigo-200 focus:outline-none";

export function WelcomeForm({ token }: { token: string }) {
  const [state, action, pending] = useActionState<TWelcomeState, FormData>(completeWelcomeAction, null);
  if (state?.ok) {
    return (
      <p role="status" className="text-sm text-green-700">
        Your password is set. Sign in to the portal as <strong>{state.email}</strong>.{" "}
        <a className="text-indigo-700 underline" href="/portal">
          Go to the portal
        </a>
      </p>
    );
  }
  return (
    <form action={action} className="space-y-4" noValidate>
      <input type="hidden" name="token" value={token} />
      <label className="block text-sm font-medium text-slate-800">
        Password
        <input name="password" type="password" autoComplete="new-password" className={CONTROL} aria-invalid={state?.field === "password" || undefined} />
        <span className="mt-1 block text-xs text-slate-500">At least 10 characters.</span>
      </label>
      <label className="block text-sm font-medium text-slate-800">
        Repeat password
        <input name="confirm" type="password" autoComplete="new-password" className={CONTROL} aria-invalid={state?.field === "confirm" || undefined} />
      </label>
      {state && !state.ok ? (
        <p role="alert" className="text-sm text-red-700">
          {state.error}
        </p>
      ) : null}
      <button type="submit" disabled={pending} className={buttonClass("primary")}>
        {pending ? "Saving…" : "Set password"}
      </button>
    </form>
  );
}
