"use client";

import Link from "next/link";
import { DataTable, type TDataTableProps } from "../data-table/data-table";
import { dataTableColumns } from "../data-table/features";
import { StatusBadge } from "./badge";
import { fmtDate } from "./format";
import { SeatBar } from "./seat-bar";

export type TLicenseRow = {
  id: string;
  key: string;
  name: string | null;
  status: string;
  expiresAt: string | null;
  createdAt: string;
  product: { name: string };
  policy: { id: string; name: string };
  organization: { id: string; name: string } | null;
  seats: { used: number; limit: number };
  seatAlertThreshold: number | null;
  currentPeriod: { seatsConsumed: number } | null;
};

const col = dataTableColumns<TLicenseRow>();

const columns = col.columns([
  col.accessor("key", {
    header: "Key",
    cell: (info) => (
      <Link href={`/console/licenses/${info.row.original.id}`} className="font-mono text-xs font-medium whitespace-nowrap text-indigo-700 hover:underline">
        {info.getValue()}
      </Link>
    ),
  }),
  col.accessor("name", { header: "Name", cell: (info) => info.getValue() ?? <span className="text-slate-400">—</span> }),
  col.accessor((row) => row.organization?.name ?? "", {
    id: "customer",
    header: "Customer",
    cell: (info) => {
      const org = info.row.original.organization;
      return org ? (
        <Link href={`/console/customers/${org.id}`} className="hover:underline">
          {org.name}
        </Link>
      ) : (
        <span className="text-slate-400">—</span>
      );
    },
  }),
  col.accessor((row) => `${row.product.name} · ${row.policy.name}`, {
    id: "policy",
    header: "Product · policy",
    enableSorting: false,
    cell: (info) => <span className="text-slate-700">{info.getValue()}</span>,
  }),
  col.accessor("status", { header: "Status", cell: (info) => <StatusBadge status={info.getValue()} /> }),
  col.accessor((row) => row.seats.used, {
    id: "seats",
    header: "Seats",
    enableSorting: false,
    cell: (info) => <SeatBar used={info.row.original.seats.used} limit={info.row.original.seats.limit} compact />,
  }),
  col.accessor((row) => row.currentPeriod?.seatsConsumed ?? 0, {
    id: "consumed",
    header: "Consumed (period)",
    enableSorting: false,
    cell: (info) => {
      const threshold = info.row.original.seatAlertThreshold;
      const over = threshold !== null && info.getValue() >= threshold;
      return (
        <span className={over ? "font-semibold text-amber-700" : ""} title={threshold ? `Seat alert at ${threshold}` : undefined}>
          {info.getValue()}
          {threshold ? <span className="text-slate-400"> / alert {threshold}</span> : null}
        </span>
      );
    },
  }),
  col.accessor("expiresAt", { header: "Expires", cell: (info) => <span className="whitespace-nowrap">{fmtDate(info.getValue())}</span> }),
  col.accessor("createdAt", { header: "Created", cell: (info) => <span className="whitespace-nowrap">{fmtDate(info.getValue())}</span> }),
]);

export function LicensesTable(props: Omit<TDataTableProps<TLicenseRow>, "columns" | "getRowId" | "label">) {
  return <DataTable label="Licenses" columns={columns} getRowId={(r) => r.id} {...props} />;
}
