"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type FormEvent } from "react";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/input";
import { ConfirmDialog } from "../portal/confirm-dialog";
import {
  vendorCreateAdminLinkAction,
  vendorCreateUserAction,
  vendorRemoveUserAction,
  vendorResendInvitationAction,
  vendorRevokeInvitationAction,
} from "./actions";

export function AdminLinkForm({ organizationId }: { organizationId: string }) {
  const router = useRouter();
  const [link, setLink] = useState<{ url: string; expiresAt: string } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const email = String(data.get("email") ?? "").trim();
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) {
      setError("Enter a valid email address, or leave it empty");
      return;
    }
    setError(null);
    startTransition(async () => {
      const result = await vendorCreateAdminLinkAction(organizationId, {
        email: email || undefined,
        canManageUsers: data.get("canManageUsers") === "on",
        canDeactivateSeats: data.get("canDeactivateSeats") === "on",
        expiresInDays: Number(data.get("expiresInDays") || 7),
      });
      if (!result.ok) return setError(result.error);
      setLink(result.data);
      setCopied(false);
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Create an org admin link">
      <p className="text-sm text-slate-600">The recipient signs up as an admin of this customer with the permissions you choose. The link works once.</p>
      <Field label="Recipient email (optional)" htmlFor="link-email" hint="Leave empty to let the recipient enter their own." error={error ?? undefined}>
        <Input id="link-email" name="email" type="email" autoComplete="off" />
      </Field>
      <div className="flex flex-wrap gap-4 text-sm">
        <label className="flex items-center gap-2">
          <input type="checkbox" name="canManageUsers" defaultChecked /> Can manage users
        </label>
        <label className="flex items-center gap-2">
          <input type="checkbox" name="canDeactivateSeats" defaultChecked /> Can deactivate seats
        </label>
      </div>
      <Field label="Valid for" htmlFor="link-days">
        <select id="link-days" name="expiresInDays" defaultValue="7" className="block rounded-md border-0 px-3 py-2 text-sm ring-1 ring-slate-300">
          <option value="1">1 day</option>
          <option value="7">7 days</option>
          <option value="30">30 days</option>
        </select>
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Creating…" : "Create link"}
      </Button>
      {link ? (
        <div className="space-y-2 rounded-md bg-emerald-50 p-3 text-sm" role="status">
          <p className="font-medium text-emerald-900">Copy this link now: it is shown only once.</p>
          <div className="flex gap-2">
            <Input readOnly value={link.url} aria-label="Invitation link" onFocus={(e) => e.currentTarget.select()} className="font-mono text-xs" />
            <Button
              type="button"
              variant="secondary"
              onClick={async () => {
                await navigator.clipboard?.writeText(link.url).catch(() => undefined);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
          <p className="text-xs text-emerald-800">Expires {new Date(link.expiresAt).toUTCString()}.</p>
        </div>
      ) : null}
    </form>
  );
}

export function AddCustomerUserForm({ organizationId }: { organizationId: string }) {
  const router = useRouter();
  const [errors, setErrors] = useState<{ email?: string; name?: string; password?: string; form?: string }>({});
  const [done, setDone] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function onSubmit(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const data = new FormData(form);
    const email = String(data.get("email") ?? "").trim();
    const name = String(data.get("name") ?? "").trim();
    const password = String(data.get("password") ?? "");
    const role = data.get("role") === "ORG_ADMIN" ? "ORG_ADMIN" : "MEMBER";
    const next: typeof errors = {};
    if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) next.email = "Enter a valid email address";
    if (!name) next.name = "Enter a name";
    if (password && password.length < 10) next.password = "Use at least 10 characters, or leave empty to send an invitation";
    setErrors(next);
    setDone(null);
    if (Object.keys(next).length) return;
    startTransition(async () => {
      const result = await vendorCreateUserAction(organizationId, { email, name, role, password: password || undefined });
      if (!result.ok) return setErrors(result.code === "CONFLICT" ? { email: result.error } : { form: result.error });
      form.reset();
      setDone(result.data.invited ? `Invitation sent to ${result.data.email}.` : `${result.data.email} can sign in now.`);
      router.refresh();
    });
  }

  return (
    <form onSubmit={onSubmit} noValidate className="space-y-4" aria-label="Add a customer user">
      <div className="grid gap-4 md:grid-cols-2">
        <Field label="Email" htmlFor="cu-email" error={errors.email}>
          <Input id="cu-email" name="email" type="email" autoComplete="off" />
        </Field>
        <Field label="Name" htmlFor="cu-name" error={errors.name}>
          <Input id="cu-name" name="name" autoComplete="off" />
        </Field>
      </div>
      <Field label="Role" htmlFor="cu-role">
        <select id="cu-role" name="role" className="block rounded-md border-0 px-3 py-2 text-sm ring-1 ring-slate-300">
          <option value="MEMBER">Member</option>
          <option value="ORG_ADMIN">Admin (all permissions)</option>
        </select>
      </Field>
      <Field label="Password (optional)" htmlFor="cu-password" hint="Empty: the user gets an invitation email to choose one." error={errors.password}>
        <Input id="cu-password" name="password" type="password" autoComplete="new-password" />
      </Field>
      {errors.form ? <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">{errors.form}</p> : null}
      {done ? <p role="status" className="rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{done}</p> : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Adding…" : "Add user"}
      </Button>
    </form>
  );
}

export function InvitationActions({ organizationId, invitationId }: { organizationId: string; invitationId: string }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [error, setError] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      {error ? <span className="text-xs text-red-700">{error}</span> : null}
      <Button
        variant="ghost"
        className="text-red-700!"
        disabled={pending}
        onClick={() =>
          startTransition(async () => {
            const result = await vendorRevokeInvitationAction(organizationId, invitationId);
            if (result.ok) router.refresh();
            else setError(result.error);
          })
        }
      >
        Revoke
      </Button>
    </span>
  );
}

export function UserRowActions({ organizationId, userId, email, invited, seats }: { organizationId: string; userId: string; email: string; invited: boolean; seats: number }) {
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [confirm, setConfirm] = useState(false);
  const [freeSeats, setFreeSeats] = useState(true);
  const [error, setError] = useState<string | null>(null);
  const done = (result: { ok: boolean; error?: string }) => (result.ok ? router.refresh() : setError(result.error ?? "Failed"));
  return (
    <span className="inline-flex items-center gap-1">
      {error ? <span className="text-xs text-red-700">{error}</span> : null}
      {invited ? (
        <Button variant="ghost" disabled={pending} onClick={() => startTransition(async () => done(await vendorResendInvitationAction(organizationId, userId)))}>
          Resend invite
        </Button>
      ) : null}
      <Button variant="ghost" className="text-red-700!" disabled={pending} onClick={() => setConfirm(true)} aria-label={`Remove ${email}`}>
        Remove
      </Button>
      <ConfirmDialog
        open={confirm}
        title={`Remove ${email}?`}
        confirmLabel="Remove user"
        pending={pending}
        onClose={() => setConfirm(false)}
        onConfirm={() =>
          startTransition(async () => {
            const result = await vendorRemoveUserAction(organizationId, userId, freeSeats && seats > 0);
            setConfirm(false);
            done(result);
          })
        }
      >
        <p>The user can no longer sign in and their app tokens stop working.</p>
        {seats > 0 ? (
          <label className="mt-3 flex items-center gap-2 font-medium text-slate-800">
            <input type="checkbox" checked={freeSeats} onChange={(e) => setFreeSeats(e.target.checked)} /> Also free their {seats} seat{seats === 1 ? "" : "s"}
          </label>
        ) : null}
      </ConfirmDialog>
    </span>
  );
}
