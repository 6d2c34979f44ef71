"use client";

import { useMemo } from "react";
import { revokeTokenAction, updateStaffAction } from "@/app/console/settings/actions";
import type { TApiTokenRow } from "@/lib/console/manage-api-tokens";
import { DataTable } from "../data-table/data-table";
import { dataTableColumns } from "../data-table/features";
import { ActionForm } from "./action-form";
import { StatusBadge } from "./badge";
import { fmtDate, fmtDateTime } from "./format";

export type TStaffRow = { id: string; name: string; email: string; role: string; disabled: boolean; createdAt: string };

const sc = dataTableColumns<TStaffRow>();

export function StaffTable({ rows, canEdit, selfId }: { rows: TStaffRow[]; canEdit: boolean; selfId: string }) {
  const columns = useMemo(
    () =>
      sc.columns([
        sc.accessor("name", { header: "Name", cell: (i) => <span className="font-medium">{i.getValue()}{i.row.original.id === selfId ? " (you)" : ""}</span> }),
        sc.accessor("email", { header: "Email" }),
        sc.accessor("role", { header: "Role", cell: (i) => <StatusBadge status={i.getValue()} /> }),
        sc.accessor("disabled", { header: "Status", cell: (i) => <StatusBadge status={i.getValue() ? "DISABLED" : "ACTIVE"} /> }),
        sc.accessor("createdAt", { header: "Added", cell: (i) => <span className="whitespace-nowrap">{fmtDate(i.getValue())}</span> }),
        sc.display({
          id: "actions",
          header: () => <span className="sr-only">Actions</span>,
          cell: (i) => {
            const s = i.row.original;
            if (!canEdit || s.id === selfId) return null;
            return (
              <div className="flex gap-2">
                <ActionForm action={updateStaffAction} inline variant="secondary" submitLabel={s.role === "ADMIN" ? "Make read-only" : "Make admin"}>
                  <input type="hidden" name="id" value={s.id} />
                  <input type="hidden" name="role" value={s.role === "ADMIN" ? "READ_ONLY" : "ADMIN"} />
                </ActionForm>
                <ActionForm action={updateStaffAction} inline variant={s.disabled ? "secondary" : "danger"} submitLabel={s.disabled ? "Enable" : "Disable"} confirm={s.disabled ? undefined : `Disable ${s.email}? They can no longer sign in and their API tokens stop working.`}>
                  <input type="hidden" name="id" value={s.id} />
                  <input type="hidden" name="disabled" value={s.disabled ? "false" : "true"} />
                </ActionForm>
              </div>
            );
          },
        }),
      ]),
    [canEdit, selfId],
  );
  return <DataTable label="Staff members" columns={columns} data={rows} total={rows.length} page={1} pageSize={rows.length || 10} paginate={false} getRowId={(r) => r.id} empty={{ title: "No staff" }} />;
}

const tc = dataTableColumns<TApiTokenRow>();

export function TokensTable({ rows, canEdit }: { rows: TApiTokenRow[]; canEdit: boolean }) {
  const columns = useMemo(
    () =>
      tc.columns([
        tc.accessor("name", { header: "Name", cell: (i) => <span className="font-medium">{i.getValue()}</span> }),
        tc.accessor("prefix", { header: "Token", cell: (i) => <code className="text-xs">{i.getValue()}…</code> }),
        tc.accessor("owner", { header: "Acts as", cell: (i) => i.getValue() ?? "—" }),
        tc.accessor("status", { header: "Status", cell: (i) => <StatusBadge status={i.getValue()} /> }),
        tc.accessor("lastUsedAt", { header: "Last used", cell: (i) => fmtDateTime(i.getValue(), "Never") }),
        tc.accessor("expiresAt", { header: "Expires", cell: (i) => <span className="whitespace-nowrap">{fmtDate(i.getValue())}</span> }),
        tc.accessor("createdAt", { header: "Created", cell: (i) => <span className="whitespace-nowrap">{fmtDate(i.getValue())}</span> }),
        tc.display({
          id: "actions",
          header: () => <span className="sr-only">Actions</span>,
          cell: (i) =>
            canEdit && i.row.original.status === "ACTIVE" ? (
              <ActionForm action={revokeTokenAction} inline variant="secondary" submitLabel="Revoke" confirm={`Revoke "${i.row.original.name}"? Scripts using it stop working at once.`}>
                <input type="hidden" name="id" value={i.row.original.id} />
              </ActionForm>
            ) : null,
        }),
      ]),
    [canEdit],
  );
  return <DataTable label="API tokens" columns={columns} data={rows} total={rows.length} page={1} pageSize={rows.length || 10} paginate={false} getRowId={(r) => r.id} empty={{ title: "No API tokens yet" }} />;
}
