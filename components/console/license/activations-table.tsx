"use client";

import { useMemo } from "react";
import { deactivateAction } from "@/app/console/licenses/actions";
import { DataTable, type TDataTableProps } from "../../data-table/data-table";
import { dataTableColumns } from "../../data-table/features";
import { ActionForm } from "../action-form";
import { StatusBadge } from "../badge";
import { fmtDateTime } from "../format";

export type TActivationRow = {
  id: string;
  fingerprint: string;
  friendlyName: string | null;
  hostname: string | null;
  platform: string | null;
  appVersion: string | null;
  status: string;
  /** A goodwill seat (activated beyond the limit). */
  overage?: boolean;
  createdAt: string;
  lastSeenAt: string;
};

const col = dataTableColumns<TActivationRow>();
const dash = <span className="text-slate-400">—</span>;

export function ActivationsTable({
  licenseId,
  canEdit,
  ...props
}: Omit<TDataTableProps<TActivationRow>, "columns" | "getRowId" | "label"> & { licenseId: string; canEdit: boolean }) {
  const columns = useMemo(
    () =>
      col.columns([
        col.accessor("friendlyName", {
          header: "Device",
          enableSorting: false,
          cell: (i) => (
            <div className="min-w-40">
              <p className="font-medium text-slate-900">{i.getValue() ?? i.row.original.hostname ?? "Unnamed device"}</p>
              <p className="font-mono text-xs text-slate-400" title={i.row.original.fingerprint}>
                {i.row.original.fingerprint.slice(0, 16)}
              </p>
            </div>
          ),
        }),
        col.accessor("hostname", { header: "Hostname", enableSorting: false, cell: (i) => i.getValue() ?? dash }),
        col.accessor("platform", { header: "Platform", enableSorting: false, cell: (i) => i.getValue() ?? dash }),
        col.accessor("appVersion", { header: "App version", enableSorting: false, cell: (i) => i.getValue() ?? dash }),
        col.accessor("createdAt", { header: "First seen", enableSorting: false, cell: (i) => <span className="whitespace-nowrap">{fmtDateTime(i.getValue())}</span> }),
        col.accessor("lastSeenAt", { header: "Last seen", enableSorting: false, cell: (i) => <span className="whitespace-nowrap">{fmtDateTime(i.getValue())}</span> }),
        col.accessor("status", { header: "Status", enableSorting: false, cell: (i) => (
            <span className="flex flex-col items-start gap-1">
              <StatusBadge status={i.getValue()} />
              {i.row.original.overage ? (
                <span className="rounded-full bg-yellow-100 px-2 py-0.5 text-xs font-medium text-yellow-800 ring-1 ring-yellow-300" title="Activated beyond the seat limit, in a goodwill seat">
                  Overage
                </span>
              ) : null}
            </span>
          ) }),
        col.display({
          id: "actions",
          header: () => <span className="sr-only">Actions</span>,
          cell: (i) =>
            canEdit && i.row.original.status !== "DEACTIVATED" ? (
              <ActionForm
                action={deactivateAction}
                submitLabel="Deactivate"
                pendingLabel="Deactivating…"
                variant="secondary"
                inline
                confirm={`Deactivate ${i.row.original.friendlyName ?? i.row.original.hostname ?? "this device"}? Its seat becomes free.`}
              >
                <input type="hidden" name="id" value={i.row.original.id} />
                <input type="hidden" name="licenseId" value={licenseId} />
              </ActionForm>
            ) : null,
        }),
      ]),
    [canEdit, licenseId],
  );
  return <DataTable label="Activations" columns={columns} getRowId={(r) => r.id} {...props} />;
}
