"use client";

import Link from "next/link";
import type { TCustomerRow } from "@/lib/console/list-customers";
import { DataTable, type TDataTableProps } from "../data-table/data-table";
import { dataTableColumns } from "../data-table/features";
import { fmtDate, fmtNumber } from "./format";

const col = dataTableColumns<TCustomerRow>();
const columns = col.columns([
  col.accessor("name", {
    header: "Customer",
    cell: (i) => (
      <Link href={`/console/customers/${i.row.original.id}`} className="font-medium text-indigo-700 hover:underline">
        {i.getValue()}
      </Link>
    ),
  }),
  col.accessor("licenses", { header: "Licenses", enableSorting: false, cell: (i) => fmtNumber(i.getValue()) }),
  col.accessor("users", { header: "Portal users", enableSorting: false, cell: (i) => fmtNumber(i.getValue()) }),
  col.accessor("createdAt", { header: "Customer since", cell: (i) => fmtDate(i.getValue()) }),
]);

export function CustomersTable(props: Omit<TDataTableProps<TCustomerRow>, "columns" | "getRowId" | "label">) {
  return <DataTable label="Customers" columns={columns} getRowId={(r) => r.id} {...props} />;
}
