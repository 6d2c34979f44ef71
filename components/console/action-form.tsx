"use client";

import { createContext, useActionState, useContext, useEffect, useRef, type ReactNode } from "react";
import type { TActionResult } from "@/lib/console/staff-action";
import { buttonClass } from "../ui/button";

export type TFormAction = (previous: unknown, form: FormData) => Promise<TActionResult>;

const FormErrors = createContext<Record<string, string>>({});

/** For hand-written forms that use useActionState themselves but want FormField errors. */
export const FormErrorsProvider = FormErrors.Provider;

/** A form posting to a staff server action; shows the action's message and per-field errors. */
export function ActionForm({
  action,
  submitLabel,
  pendingLabel,
  variant = "primary",
  confirm,
  resetOnSuccess = false,
  inline = false,
  children,
  className = "",
  testId,
}: {
  action: TFormAction;
  submitLabel: string;
  pendingLabel?: string;
  variant?: "primary" | "secondary" | "danger";
  confirm?: string;
  resetOnSuccess?: boolean;
  inline?: boolean;
  children?: ReactNode;
  className?: string;
  testId?: string;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok && resetOnSuccess) ref.current?.reset();
  }, [state, resetOnSuccess]);
  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <FormErrors.Provider value={errors}>
      <form
        ref={ref}
        action={formAction}
        data-testid={testId}
        noValidate
        className={inline ? `inline-flex items-center gap-2 ${className}` : `space-y-4 ${className}`}
        onSubmit={(event) => {
          if (confirm && !window.confirm(confirm)) event.preventDefault();
        }}
      >
        {children}
        <div className={inline ? "contents" : "flex flex-wrap items-center gap-3"}>
          <button type="submit" disabled={pending} className={buttonClass(variant, inline ? "px-2.5 py-1 text-xs" : "")}>
            {pending ? (pendingLabel ?? "Saving…") : submitLabel}
          </button>
          <FormMessage state={state} />
        </div>
      </form>
    </FormErrors.Provider>
  );
}

function FormMessage({ state }: { state: TActionResult | null }) {
  if (!state) return null;
  if (state.ok) {
    return state.message ? (
      <p role="status" className="text-sm text-green-700">
        {state.message}
      </p>
    ) : null;
  }
  return (
    <p role="alert" className="text-sm text-red-700">
      {state.error}
    </p>
  );
}

export function useFieldError(name: string): string | undefined {
  return useContext(FormErrors)[name];
}

/** Label + control + hint/error, wired with aria-describedby for screen readers. */
export function FormField({ name, label, hint, children }: { name: string; label: string; hint?: ReactNode; children: ReactNode }) {
  const error = useFieldError(name);
  return (
    <div className="space-y-1">
      <label htmlFor={name} className="block text-sm font-medium text-slate-700">
        {label}
      </label>
      {children}
      {error ? (
        <p id={`${name}-error`} role="alert" className="text-xs text-red-600">
          {error}
        </p>
      ) : hint ? (
        <p className="text-xs text-slate-500">{hint}</p>
      ) : null}
    </div>
  );
}

export const CONTROL =
  "block w-full rounded-md border-0 px-3 py-2 text-sm text-slate-900 shadow-sm ring-1 ring-slate-300 placeholder:text-slate-400 focus:ring-2 focus:ring-indigo-600 focus:outline-none aria-[invalid=true]:ring-red-500";

/** Text/number/date input that marks itself invalid when its field has an error. */
export function FieldInput(props: React.InputHTMLAttributes<HTMLInputElement> & { name: string }) {
  const error = useFieldError(props.name);
  return <input id={props.name} aria-invalid={error ? true : undefined} aria-describedby={error ? `${props.name}-error` : undefined} className={CONTROL} {...props} />;
}

export function FieldSelect(props: React.SelectHTMLAttributes<HTMLSelectElement> & { name: string }) {
  const error = useFieldError(props.name);
  return <select id={props.name} aria-invalid={error ? true : undefined} className={CONTROL} {...props} />;
}

export function FieldTextarea(props: React.TextareaHTMLAttributes<HTMLTextAreaElement> & { name: string }) {
  const error = useFieldError(props.name);
  return <textarea id={props.name} aria-invalid={error ? true : undefined} className={CONTROL} rows={4} {...props} />;
}
