"use client";

import { useRouter } from "next/navigation";
import { useState, useTransition, type ReactNode } from "react";
import { deactivateSeatsAction } from "@/app/portal/actions";
import type { TOrgActivationRow } from "@/lib/portal/list-org-activations";
import { Button } from "../ui/button";
import { ConfirmDialog } from "./confirm-dialog";
import { timeAgo } from "./page-header";

/**
 * Current seats with selection and (bulk) deactivation. Rows the viewer may not free have no checkbox;
 * the server checks the same rule again.
 */
export function ActivationsTable({
  rows,
  now,
  showUser,
  canDeactivateAll,
  empty,
}: {
  rows: TOrgActivationRow[];
  now: number;
  showUser: boolean;
  canDeactivateAll: boolean;
  /** Shown instead of the table; rendered here so a success message survives the list becoming empty. */
  empty: ReactNode;
}) {
  const router = useRouter();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [confirming, setConfirming] = useState<string[] | null>(null);
  const [message, setMessage] = useState<{ tone: "ok" | "error"; text: string } | null>(null);
  const [pending, startTransition] = useTransition();

  const selectable = rows.filter((r) => canDeactivateAll || r.mine);
  const allSelected = selectable.length > 0 && selectable.every((r) => selected.has(r.id));

  function toggle(id: string) {
    setSelected((prev) => {
      const next = new Set(prev);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  }

  function confirm() {
    const ids = confirming ?? [];
    startTransition(async () => {
      const result = await deactivateSeatsAction(ids);
      setConfirming(null);
      if (result.ok) {
        setSelected(new Set());
        const n = result.data.deactivated;
        setMessage({ tone: "ok", text: `${n} seat${n === 1 ? "" : "s"} freed.` });
        router.refresh();
      } else {
        setMessage({ tone: "error", text: result.error });
      }
    });
  }

  const names = (confirming ?? []).map((id) => rows.find((r) => r.id === id)).filter(Boolean) as TOrgActivationRow[];

  return (
    <div className="space-y-3">
      <div className="flex min-h-9 items-center justify-between gap-3">
        {message ? (
          <p role="status" className={`text-sm ${message.tone === "ok" ? "text-emerald-700" : "text-red-700"}`}>
            {message.text}
          </p>
        ) : (
          <span />
        )}
        {selectable.length > 0 ? (
          <Button variant="danger" disabled={selected.size === 0 || pending} onClick={() => setConfirming([...selected])}>
            Deactivate selected{selected.size ? ` (${selected.size})` : ""}
          </Button>
        ) : null}
      </div>
      {rows.length === 0 ? empty : (
      <div className="overflow-x-auto">
        <table className="w-full text-left text-sm">
          <thead className="border-b border-slate-200 text-xs text-slate-500 uppercase">
            <tr>
              <th className="w-10 py-2">
                {selectable.length > 0 ? (
                  <input
                    type="checkbox"
                    aria-label="Select all on this page"
                    checked={allSelected}
                    onChange={() => setSelected(allSelected ? new Set() : new Set(selectable.map((r) => r.id)))}
                  />
                ) : null}
              </th>
              <th className="py-2">Device</th>
              {showUser ? <th>User</th> : null}
              <th>License</th>
              <th>Platform</th>
              <th>Last seen</th>
              <th>Activated</th>
              <th className="text-right">Action</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((r) => {
              const canFree = canDeactivateAll || r.mine;
              const label = r.friendlyName || r.hostname || r.fingerprint.slice(0, 12);
              return (
                <tr key={r.id} className={selected.has(r.id) ? "bg-indigo-50/50" : undefined}>
                  <td className="py-2">
                    {canFree ? <input type="checkbox" aria-label={`Select ${label}`} checked={selected.has(r.id)} onChange={() => toggle(r.id)} /> : null}
                  </td>
                  <td className="py-2">
                    <div className="font-medium text-slate-900">{label}</div>
                    {r.hostname && r.hostname !== label ? <div className="text-xs text-slate-500">{r.hostname}</div> : null}
                  </td>
                  {showUser ? <td>{r.user ? <span title={r.user.name}>{r.user.email}</span> : <span className="text-slate-400">License key</span>}</td> : null}
                  <td>
                    <div>{r.license.product}</div>
                    <div className="text-xs text-slate-500">{r.license.name}</div>
                  </td>
                  <td className="text-slate-600">
                    {r.platform ?? "—"}
                    {r.appVersion ? <span className="text-xs text-slate-400"> · v{r.appVersion}</span> : null}
                  </td>
                  <td title={r.lastSeenAt}>{timeAgo(r.lastSeenAt, now)}</td>
                  <td title={r.createdAt}>{new Date(r.createdAt).toLocaleDateString("en-CA", { timeZone: "UTC" })}</td>
                  <td className="text-right">
                    {canFree ? (
                      <Button variant="ghost" className="text-red-700!" disabled={pending} onClick={() => setConfirming([r.id])} aria-label={`Deactivate ${label}`}>
                        Deactivate
                      </Button>
                    ) : null}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      )}
      <ConfirmDialog
        open={confirming !== null}
        title={names.length === 1 ? `Deactivate “${names[0]!.friendlyName || names[0]!.hostname || "this device"}”?` : `Deactivate ${names.length} seats?`}
        confirmLabel={names.length === 1 ? "Deactivate seat" : `Deactivate ${names.length} seats`}
        pending={pending}
        onConfirm={confirm}
        onClose={() => setConfirming(null)}
      >
        The application on {names.length === 1 ? "this device" : "these devices"} stops working until someone signs in again, which takes a seat anew.
      </ConfirmDialog>
    </div>
  );
}
