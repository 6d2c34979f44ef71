"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { inviteUserAction } from "@/app/portal/actions";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/input";

export function InviteUserForm() {
  const router = useRouter();
  const [role, setRole] = useState<"MEMBER" | "ORG_ADMIN">("MEMBER");
  const [errors, setErrors] = useState<{ email?: string; name?: string; form?: string }>({});
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const email = String(data.get("email") ?? "").trim();
    const name = String(data.get("name") ?? "").trim();
    const next: typeof errors = {};
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) next.email = "Enter a valid email address";
    if (!name) next.name = "Enter a name";
    setErrors(next);
    setDone(null);
    if (next.email || next.name) return;
    startTransition(async () => {
      const result = await inviteUserAction({
        email,
        name,
        role,
        canManageUsers: role === "ORG_ADMIN" && data.get("canManageUsers") === "on",
        canDeactivateSeats: role === "ORG_ADMIN" && data.get("canDeactivateSeats") === "on",
      });
      if (!result.ok) {
        setErrors(result.code === "CONFLICT" ? { email: result.error } : { form: result.error });
        return;
      }
      form.reset();
      setRole("MEMBER");
      setDone(`Invitation sent to ${result.data.email}.`);
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Invite a user">
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Email" htmlFor="invite-email" error={errors.email}>
          <Input id="invite-email" name="email" type="email" autoComplete="off" aria-invalid={Boolean(errors.email)} />
        </Field>
        <Field label="Name" htmlFor="invite-name" error={errors.name}>
          <Input id="invite-name" name="name" autoComplete="off" aria-invalid={Boolean(errors.name)} />
        </Field>
      </div>
      <fieldset className="space-y-2">
        <legend className="text-sm font-medium text-slate-700">Role</legend>
        <div className="flex flex-wrap gap-4 text-sm">
          <label className="flex items-center gap-2">
            <input type="radio" name="role" value="MEMBER" checked={role === "MEMBER"} onChange={() => setRole("MEMBER")} /> Member (uses the software)
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" name="role" value="ORG_ADMIN" checked={role === "ORG_ADMIN"} onChange={() => setRole("ORG_ADMIN")} /> Admin
          </label>
        </div>
        {role === "ORG_ADMIN" ? (
          <div className="flex flex-wrap gap-4 pl-1 text-sm">
            <label className="flex items-center gap-2">
              <input type="checkbox" name="canManageUsers" defaultChecked /> Can manage users
            </label>
            <label className="flex items-center gap-2">
              <input type="checkbox" name="canDeactivateSeats" defaultChecked /> Can deactivate seats
            </label>
          </div>
        ) : null}
      </fieldset>
      {errors.form ? (
        <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
          {errors.form}
        </p>
      ) : null}
      {done ? (
        <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
          {done}
        </p>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Sending…" : "Send invitation"}
      </Button>
    </form>
  );
}
