"use client";

import Link from "next/link";
import { DataTable, type TDataTableProps } from "../data-table/data-table";
import { dataTableColumns } from "../data-table/features";
import { fmtDateTime } from "./format";

export type TEventRow = {
  id: string;
  createdAt: string;
  actorType: string;
  actorLabel: string | null;
  action: string;
  licenseId: string | null;
  licenseKey: string | null;
  organizationId: string | null;
  organizationName: string | null;
  ip: string | null;
  summary: string;
};

const col = dataTableColumns<TEventRow>();

const columns = col.columns([
  col.accessor("createdAt", { header: "Time", cell: (i) => <span className="whitespace-nowrap">{fmtDateTime(i.getValue())}</span> }),
  col.accessor("action", { header: "Action", cell: (i) => <code className="text-xs font-medium">{i.getValue()}</code> }),
  col.accessor((r) => r.actorLabel ?? r.actorType, {
    id: "actor",
    header: "Actor",
    cell: (i) => (
      <span>
        {i.getValue()} <span className="text-xs text-slate-400">{i.row.original.actorType.toLowerCase().replace("_", " ")}</span>
      </span>
    ),
  }),
  col.accessor("licenseKey", {
    header: "License",
    enableSorting: false,
    cell: (i) =>
      i.row.original.licenseId ? (
        <Link href={`/console/licenses/${i.row.original.licenseId}`} className="font-mono text-xs whitespace-nowrap text-indigo-700 hover:underline">
          {i.getValue()?.slice(0, 11) ?? "license"}…
        </Link>
      ) : null,
  }),
  col.accessor("organizationName", {
    header: "Customer",
    enableSorting: false,
    cell: (i) =>
      i.row.original.organizationId ? (
        <Link href={`/console/customers/${i.row.original.organizationId}`} className="hover:underline">
          {i.getValue() ?? "customer"}
        </Link>
      ) : null,
  }),
  col.accessor("summary", {
    header: "Details",
    enableSorting: false,
    cell: (i) => <span className="line-clamp-2 max-w-md font-mono text-xs break-all text-slate-600">{i.getValue()}</span>,
  }),
  col.accessor("ip", { header: "IP", enableSorting: false, cell: (i) => <span className="text-xs text-slate-500">{i.getValue()}</span> }),
]);

export function EventsTable(props: Omit<TDataTableProps<TEventRow>, "columns" | "getRowId" | "label"> & { label?: string }) {
  return <DataTable label="Events" columns={columns} getRowId={(r) => r.id} {...props} />;
}
