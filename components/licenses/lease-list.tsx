"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect, useRef, useState } from "react";
import { Button } from "@/components/ui/button";
import type { TLeaseRow } from "@/lib/licensing/list-leases";

export type TRevokeState = { ok?: boolean; error?: string; code?: string } | null;
export type TRevokeAction = (prev: TRevokeState, form: FormData) => Promise<TRevokeState>;

type TProps = {
  licenseId: string;
  leases: TLeaseRow[];
  seatLimit: number;
  /** The server's clock when the list was read: countdowns don't depend on the viewer's clock. */
  serverNow: string;
  /** Omit for viewers who may not revoke (read-only staff, portal members without canDeactivateSeats). */
  revokeAction?: TRevokeAction;
};

/**
 * A floating license's current leases with a live countdown and, for those allowed, a Revoke button.
 * Reused by the console (staff admins) and the portal (org admins with canDeactivateSeats): each
 * page passes its own server action, which does its own authorization.
 */
export function LeaseList({ licenseId, leases, seatLimit, serverNow, revokeAction }: TProps) {
  const now = useServerClock(serverNow);
  const router = useRouter();
  const refreshed = useRef(false);
  const anyExpired = leases.some((l) => Date.parse(l.leaseExpiresAt) <= now);
  useEffect(() => {
    // A lease that runs out while the page is open leaves the list: reload once from the server.
    if (anyExpired && !refreshed.current) {
      refreshed.current = true;
      router.refresh();
    }
    if (!anyExpired) refreshed.current = false;
  }, [anyExpired, router]);

  if (leases.length === 0) {
    return (
      <div className="rounded-md border border-dashed border-slate-300 p-8 text-center" data-testid="leases-empty">
        <p className="text-sm font-medium text-slate-700">No leases are held right now.</p>
        <p className="mt-1 text-xs text-slate-500">Every one of the {seatLimit} seats can be checked out. A lease appears here when an app takes one.</p>
      </div>
    );
  }
  return (
    <div className="overflow-x-auto">
      <table className="w-full text-left text-sm" data-testid="lease-table">
        <caption className="sr-only">Current leases</caption>
        <thead className="text-xs text-slate-500 uppercase">
          <tr>
            <th scope="col" className="py-2 pr-3">Device</th>
            <th scope="col" className="pr-3">Platform · version</th>
            <th scope="col" className="pr-3">User · IP</th>
            <th scope="col" className="pr-3">Leased since</th>
            <th scope="col" className="pr-3">Last heartbeat</th>
            <th scope="col" className="pr-3">Time left</th>
            {revokeAction ? <th scope="col"><span className="sr-only">Actions</span></th> : null}
          </tr>
        </thead>
        <tbody className="divide-y divide-slate-100">
          {leases.map((lease) => {
            const left = Date.parse(lease.leaseExpiresAt) - now;
            return (
              <tr key={lease.id} data-testid="lease-row" data-fingerprint={lease.fingerprint} className="align-top">
                <td className="py-2 pr-3">
                  <div className="font-medium text-slate-900">{lease.friendlyName || lease.hostname || "Unnamed device"}</div>
                  <div className="font-mono text-xs break-all text-slate-500" title="Fingerprint">{lease.fingerprint}</div>
                </td>
                <td className="pr-3 py-2 text-slate-700">
                  {[lease.platform, lease.appVersion].filter(Boolean).join(" · ") || "—"}
                </td>
                <td className="pr-3 py-2 text-slate-700">
                  <div>{lease.user ?? "—"}</div>
                  <div className="font-mono text-xs text-slate-500">{lease.ip ?? ""}</div>
                </td>
                <td className="pr-3 py-2 whitespace-nowrap text-slate-700" title={utc(lease.leasedAt)}>{ago(now - Date.parse(lease.leasedAt))}</td>
                <td className="pr-3 py-2 whitespace-nowrap text-slate-700" title={utc(lease.lastSeenAt)}>{ago(now - Date.parse(lease.lastSeenAt))}</td>
                <td className="pr-3 py-2 whitespace-nowrap" title={`Expires ${utc(lease.leaseExpiresAt)}`}>
                  <TimeLeft ms={left} />
                </td>
                {revokeAction ? (
                  <td className="py-2 text-right">
                    <RevokeButton licenseId={licenseId} lease={lease} action={revokeAction} />
                  </td>
                ) : null}
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}

function TimeLeft({ ms }: { ms: number }) {
  if (ms <= 0) return <span className="font-medium text-slate-500">Expired</span>;
  const tone = ms < 60_000 ? "text-red-700" : ms < 5 * 60_000 ? "text-amber-700" : "text-slate-900";
  return (
    <span className={`font-mono tabular-nums ${tone}`} data-testid="lease-time-left">
      {duration(ms)}
    </span>
  );
}

function RevokeButton({ licenseId, lease, action }: { licenseId: string; lease: TLeaseRow; action: TRevokeAction }) {
  const [state, formAction, pending] = useActionState(action, null);
  const [confirming, setConfirming] = useState(false);
  const label = lease.friendlyName || lease.hostname || lease.fingerprint;
  if (!confirming) {
    return (
      <div className="space-y-1">
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)} aria-label={`Revoke lease of ${label}`}>
          Revoke
        </Button>
        {state?.error ? <p role="alert" className="text-xs text-red-600">{state.error}</p> : null}
      </div>
    );
  }
  return (
    <form action={formAction} className="flex items-center justify-end gap-2">
      <input type="hidden" name="licenseId" value={licenseId} />
      <input type="hidden" name="activationId" value={lease.id} />
      <Button type="submit" variant="danger" disabled={pending} autoFocus aria-label={`Confirm: revoke lease of ${label}`}>
        {pending ? "Revoking…" : "Confirm revoke"}
      </Button>
      <Button type="button" variant="ghost" disabled={pending} onClick={() => setConfirming(false)}>
        Cancel
      </Button>
    </form>
  );
}

/** Ticks every second, anchored to the server's clock so a skewed viewer clock can't distort countdowns. */
function useServerClock(serverNow: string): number {
  const anchor = Date.parse(serverNow);
  const [now, setNow] = useState(anchor);
  useEffect(() => {
    const offset = anchor - Date.now();
    setNow(Date.now() + offset);
    const timer = setInterval(() => setNow(Date.now() + offset), 1000);
    return () => clearInterval(timer);
  }, [anchor]);
  return now;
}

export function duration(ms: number): string {
  const total = Math.max(0, Math.ceil(ms / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  if (h > 0) return `${h}h ${String(m).padStart(2, "0")}m`;
  return `${m}m ${String(s).padStart(2, "0")}s`;
}

function ago(ms: number): string {
  if (ms < 60_000) return "just now";
  if (ms < 3_600_000) return `${Math.floor(ms / 60_000)} min ago`;
  if (ms < 86_400_000) return `${Math.floor(ms / 3_600_000)} h ago`;
  return `${Math.floor(ms / 86_400_000)} d ago`;
}

function utc(iso: string): string {
  return `${iso.slice(0, 16).replace("T", " ")} UTC`;
}
