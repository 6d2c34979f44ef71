"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { removeUserAction, resendInvitationAction, updateUserAction } from "@/app/portal/actions";
import type { TOrgUserDto } from "@/lib/orgs/serialize";
import { Button } from "../ui/button";
import { Field, Input } from "../ui/input";
import { Badge } from "./badge";
import { ConfirmDialog } from "./confirm-dialog";

type TRow = TOrgUserDto & { activeSeats: number };

const STATUS = { ACTIVE: ["green", "Active"], INVITED: ["amber", "Invited"], DISABLED: ["slate", "Disabled"] } as const;

export function UsersTable({ rows, selfId, canManage, canDeactivateSeats }: { rows: TRow[]; selfId: string; canManage: boolean; canDeactivateSeats: boolean }) {
  const router = useRouter();
  const [editing, setEditing] = useState<TRow | null>(null);
  const [removing, setRemoving] = useState<TRow | null>(null);
  const [freeSeats, setFreeSeats] = useState(true);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  function after(result: { ok: true; data: unknown } | { ok: false; error: string }, ok: string) {
    if (result.ok) {
      setMessage({ tone: "ok", text: ok });
      router.refresh();
    } else setMessage({ tone: "error", text: result.error });
  }

  function remove() {
    const user = removing!;
    startTransition(async () => {
      const result = await removeUserAction(user.id, canDeactivateSeats && freeSeats && user.activeSeats > 0);
      setRemoving(null);
      const freed = result.ok ? (result.data as { freedSeats: number }).freedSeats : 0;
      after(result, `${user.email} was removed${freed ? ` and ${freed} seat${freed === 1 ? "" : "s"} freed` : ""}.`);
    });
  }

  function resend(user: TRow) {
    startTransition(async () => after(await resendInvitationAction(user.id), `A new invitation was sent to ${user.email}.`));
  }

  return (
    <div className="space-y-3">
      {message ? (
        <p role="status" className={`text-sm ${message.tone === "ok" ? "text-emerald-700" : "text-red-700"}`}>
          {message.text}
        </p>
      ) : null}
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase">
            <tr>
              <th className="py-2">User</th>
              <th>Role</th>
              <th>Status</th>
              <th>Seats</th>
              {canManage ? <th className="text-right">Actions</th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((u) => (
              <tr key={u.id}>
                <td className="py-2">
                  <div className="font-medium text-slate-900">
                    {u.name} {u.id === selfId ? <span className="text-xs font-normal text-slate-500">(you)</span> : null}
                  </div>
                  <div className="text-xs text-slate-500">{u.email}</div>
                </td>
                <td>
                  {u.role === "ORG_ADMIN" ? (
                    <div className="space-y-1">
                      <Badge tone="indigo">Admin</Badge>
                      <div className="text-xs text-slate-500">
                        {[u.canManageUsers && "users", u.canDeactivateSeats && "seats"].filter(Boolean).join(" · ") || "view only"}
                      </div>
                    </div>
                  ) : (
                    <Badge>Member</Badge>
                  )}
                </td>
                <td>
                  <Badge tone={STATUS[u.status][0]}>{STATUS[u.status][1]}</Badge>
                </td>
                <td>{u.activeSeats}</td>
                {canManage ? (
                  <td className="space-x-1 text-right whitespace-nowrap">
                    {u.status === "INVITED" ? (
                      <Button variant="ghost" disabled={pending} onClick={() => resend(u)} aria-label={`Resend invitation to ${u.email}`}>
                        Resend
                      </Button>
                    ) : null}
                    <Button variant="ghost" disabled={pending} onClick={() => setEditing(u)} aria-label={`Edit ${u.email}`}>
                      Edit
                    </Button>
                    {u.id !== selfId ? (
                      <Button
                        variant="ghost"
                        className="text-red-700!"
                        disabled={pending}
                        onClick={() => {
                          setFreeSeats(true);
                          setRemoving(u);
                        }}
                        aria-label={`Remove ${u.email}`}
                      >
                        Remove
                      </Button>
                    ) : null}
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ConfirmDialog open={removing !== null} title={`Remove ${removing?.name ?? ""}?`} confirmLabel="Remove user" pending={pending} onConfirm={remove} onClose={() => setRemoving(null)}>
        <p>{removing?.email} can no longer sign in; the application stops accepting their sign-in at once.</p>
        {removing && removing.activeSeats > 0 ? (
          canDeactivateSeats ? (
            <label className="mt-3 flex items-center gap-2 font-medium text-slate-800">
              <input type="checkbox" checked={freeSeats} onChange={(e) => setFreeSeats(e.target.checked)} />
              Also free their {removing.activeSeats} seat{removing.activeSeats === 1 ? "" : "s"}
            </label>
          ) : (
            <p className="mt-3">{removing.activeSeats === 1 ? "Their seat stays" : `Their ${removing.activeSeats} seats stay`} in use: you don&apos;t have permission to deactivate seats.</p>
          )
        ) : null}
      </ConfirmDialog>
      {editing ? (
        <EditUserDialog
          key={editing.id}
          user={editing}
          self={editing.id === selfId}
          onClose={() => setEditing(null)}
          onSaved={(text) => {
            setEditing(null);
            setMessage({ tone: "ok", text });
            router.refresh();
          }}
        />
      ) : null}
    </div>
  );
}

function EditUserDialog({ user, self, onClose, onSaved }: { user: TRow; self: boolean; onClose: () => void; onSaved: (text: string) => void }) {
  const [name, setName] = useState(user.name);
  const [role, setRole] = useState(user.role);
  const [canManageUsers, setCanManageUsers] = useState(user.canManageUsers);
  const [canDeactivateSeats, setCanDeactivateSeats] = useState(user.canDeactivateSeats);
  const [disabled, setDisabled] = useState(user.status === "DISABLED");
  const [error, setError] = useState<string | null>(null);
  const [pending, startTransition] = useTransition();

  function save() {
    if (!name.trim()) {
      setError("Enter a name");
      return;
    }
    startTransition(async () => {
      const result = await updateUserAction(user.id, { name, role, canManageUsers, canDeactivateSeats, disabled });
      if (result.ok) onSaved(`${user.email} was updated.`);
      else setError(result.error);
    });
  }

  return (
    <ConfirmDialog open title={`Edit ${user.email}`} confirmLabel="Save" tone="primary" pending={pending} onConfirm={save} onClose={onClose}>
      <div className="space-y-4">
        <Field label="Name" htmlFor="edit-name" error={error ?? undefined}>
          <Input id="edit-name" value={name} onChange={(e) => setName(e.target.value)} />
        </Field>
        <fieldset className="space-y-2" disabled={self}>
          <legend className="text-sm font-medium text-slate-700">Role {self ? "(you can't change your own)" : ""}</legend>
          <label className="flex items-center gap-2">
            <input type="radio" checked={role === "MEMBER"} onChange={() => setRole("MEMBER")} /> Member
          </label>
          <label className="flex items-center gap-2">
            <input type="radio" checked={role === "ORG_ADMIN"} onChange={() => setRole("ORG_ADMIN")} /> Admin
          </label>
          {role === "ORG_ADMIN" ? (
            <div className="space-y-1 pl-6">
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={canManageUsers} onChange={(e) => setCanManageUsers(e.target.checked)} /> Can manage users
              </label>
              <label className="flex items-center gap-2">
                <input type="checkbox" checked={canDeactivateSeats} onChange={(e) => setCanDeactivateSeats(e.target.checked)} /> Can deactivate seats
              </label>
            </div>
          ) : null}
          <label className="flex items-center gap-2 pt-2">
            <input type="checkbox" checked={disabled} onChange={(e) => setDisabled(e.target.checked)} /> Disabled (can&apos;t sign in)
          </label>
        </fieldset>
      </div>
    </ConfirmDialog>
  );
}
