"use client";

import Link from "next/link";
import type { TSeatAlertRow } from "@/lib/console/list-seat-alerts";
import { DataTable } from "../data-table/data-table";
import { dataTableColumns } from "../data-table/features";

const col = dataTableColumns<TSeatAlertRow>();
const columns = col.columns([
  col.accessor((r) => r.organizationName ?? r.name ?? r.key, {
    id: "license",
    header: "License",
    enableSorting: false,
    cell: (i) => (
      <Link href={`/console/licenses/${i.row.original.id}`} className="font-medium text-indigo-700 hover:underline">
        {i.getValue()}
      </Link>
    ),
  }),
  col.accessor("seatsConsumed", {
    header: "Consumed / alert at",
    enableSorting: false,
    cell: (i) => (
      <span className="font-semibold text-amber-700">
        {i.getValue()} / {i.row.original.seatAlertThreshold}
      </span>
    ),
  }),
]);

export function SeatAlertsTable({ rows }: { rows: TSeatAlertRow[] }) {
  return (
    <DataTable
      label="Licenses at their seat alert"
      columns={columns}
      data={rows}
      total={rows.length}
      page={1}
      pageSize={rows.length || 10}
      paginate={false}
      getRowId={(r) => r.id}
      empty={{ title: "No license has reached its seat alert" }}
    />
  );
}
