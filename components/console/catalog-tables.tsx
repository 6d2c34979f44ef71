"use client";

import Link from "next/link";
import type { TPolicyRow, TProductRow } from "@/lib/console/list-catalog-stats";
import { DataTable } from "../data-table/data-table";
import { dataTableColumns } from "../data-table/features";
import { Badge } from "./badge";
import { fmtNumber } from "./format";

const pc = dataTableColumns<TProductRow>();
const productColumns = pc.columns([
  pc.accessor("name", {
    header: "Product",
    cell: (i) => (
      <Link href={`/console/products/${i.row.original.id}`} className="font-medium text-indigo-700 hover:underline">
        {i.getValue()}
      </Link>
    ),
  }),
  pc.accessor("code", { header: "Code", cell: (i) => <code className="text-xs">{i.getValue()}</code> }),
  pc.accessor("policies", { header: "Policies" }),
  pc.accessor("licenses", { header: "Licenses", cell: (i) => fmtNumber(i.getValue()) }),
]);

const lc = dataTableColumns<TPolicyRow>();
const policyColumns = lc.columns([
  lc.accessor("name", {
    header: "Policy",
    cell: (i) => (
      <Link href={`/console/policies/${i.row.original.id}`} className="font-medium text-indigo-700 hover:underline">
        {i.getValue()}
      </Link>
    ),
  }),
  lc.accessor("productName", { header: "Product" }),
  lc.accessor("model", { header: "Model", cell: (i) => <Badge tone={i.getValue() === "FLOATING" ? "indigo" : "slate"}>{i.getValue() === "FLOATING" ? "Floating" : "Node-locked"}</Badge> }),
  lc.accessor("seats", { header: "Seats" }),
  lc.accessor("durationDays", { header: "Duration", cell: (i) => (i.getValue() ? `${i.getValue()} days` : "Perpetual") }),
  lc.accessor("leaseDurationSeconds", {
    header: "Lease",
    cell: (i) => (i.row.original.model === "FLOATING" ? `${Math.round(i.getValue() / 60)} min` : <span className="text-slate-400">—</span>),
  }),
  lc.accessor("licenses", { header: "Licenses", cell: (i) => fmtNumber(i.getValue()) }),
]);

export function ProductsTable({ rows }: { rows: TProductRow[] }) {
  return (
    <DataTable label="Products" columns={productColumns} data={rows} total={rows.length} page={1} pageSize={rows.length || 10} paginate={false} getRowId={(r) => r.id} empty={{ title: "No products yet", hint: "Create your first product below." }} />
  );
}

export function PoliciesTable({ rows }: { rows: TPolicyRow[] }) {
  return (
    <DataTable label="Policies" columns={policyColumns} data={rows} total={rows.length} page={1} pageSize={rows.length || 10} paginate={false} getRowId={(r) => r.id} empty={{ title: "No policies yet", hint: "A policy sets the seats, model and duration of the licenses issued under it." }} />
  );
}
