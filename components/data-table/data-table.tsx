"use client";

import { functionalUpdate, useTable, type RowData, type SortingState } from "@tanstack/react-table";
import type { ReactNode } from "react";
import { dataTableFeatures, type TDataTableColumns } from "./features";
import { FilterBar } from "./filter-bar";
import type { TFilter } from "./filters";
import { PaginationBar } from "./pagination-bar";
import { useTableUrl } from "./use-table-url";

export type TDataTableProps<TData extends RowData> = {
  /** Accessible name of the table. */
  label: string;
  columns: TDataTableColumns<TData>;
  data: TData[];
  total: number;
  page: number;
  pageSize: number;
  sort?: { id: string; desc: boolean } | null;
  filters?: TFilter[];
  getRowId: (row: TData) => string;
  empty: { title: string; hint?: ReactNode };
  /** Buttons or links shown above the table, right of the filters. */
  actions?: ReactNode;
  paginate?: boolean;
};

/**
 * The one table of the console. Sorting, pagination and filters are URL search params; the server
 * page reads them, queries one page and passes rows + total. Navigations run in a transition, so the
 * current rows stay visible (dimmed, aria-busy) until the next page arrives.
 */
export function DataTable<TData extends RowData>(props: TDataTableProps<TData>) {
  const { columns, data, total, page, pageSize, sort, filters = [], paginate = true } = props;
  const { searchParams, update, pending } = useTableUrl();
  const sorting: SortingState = sort ? [sort] : [];

  const table = useTable({
    features: dataTableFeatures,
    columns,
    data,
    getRowId: (row) => props.getRowId(row),
    manualSorting: true,
    manualPagination: true,
    enableSortingRemoval: false,
    enableMultiSort: false,
    // Tables without pagination are fixed summaries (dashboard, detail pages): nothing to re-sort on the server.
    enableSorting: paginate,
    rowCount: total,
    state: { sorting, pagination: { pageIndex: page - 1, pageSize } },
    onSortingChange: (updater) => {
      const next = functionalUpdate(updater, sorting)[0];
      update({ sort: next?.id ?? null, dir: next ? (next.desc ? "desc" : "asc") : null }, { resetPage: true });
    },
    onPaginationChange: (updater) => {
      const next = functionalUpdate(updater, { pageIndex: page - 1, pageSize });
      update({ page: next.pageIndex > 0 ? String(next.pageIndex + 1) : null, size: String(next.pageSize) });
    },
  });

  const rows = table.getRowModel().rows;
  return (
    <div className="rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      {filters.length > 0 || props.actions ? (
        <div className="flex flex-wrap items-end justify-between gap-2">
          <div className="min-w-0 flex-1">
            <FilterBar filters={filters} searchParams={searchParams} onApply={(values) => update(values, { resetPage: true })} />
          </div>
          {props.actions ? <div className="flex gap-2 px-4 py-3">{props.actions}</div> : null}
        </div>
      ) : null}
      <div className="relative overflow-x-auto">
        {pending ? (
          <div role="status" className="absolute top-2 right-4 z-10 rounded bg-indigo-600 px-2 py-0.5 text-xs text-white shadow">
            Loading…
          </div>
        ) : null}
        <table aria-label={props.label} aria-busy={pending} className={`w-full text-left text-sm transition-opacity ${pending ? "opacity-50" : ""}`}>
          <thead className="bg-slate-50 text-xs font-medium tracking-wide text-slate-500 uppercase">
            {table.getHeaderGroups().map((group) => (
              <tr key={group.id}>
                {group.headers.map((header) => {
                  const sorted = header.column.getIsSorted();
                  const canSort = header.column.getCanSort();
                  return (
                    <th
                      key={header.id}
                      scope="col"
                      className="px-4 py-2 whitespace-nowrap"
                      aria-sort={sorted === "asc" ? "ascending" : sorted === "desc" ? "descending" : undefined}
                    >
                      {header.isPlaceholder ? null : canSort ? (
                        <button
                          type="button"
                          onClick={header.column.getToggleSortingHandler()}
                          className="inline-flex items-center gap-1 rounded uppercase hover:text-slate-800 focus-visible:outline-2 focus-visible:outline-indigo-600"
                        >
                          <table.FlexRender header={header} />
                          <span aria-hidden className={sorted ? "text-indigo-600" : "text-slate-300"}>
                            {sorted === "asc" ? "▲" : sorted === "desc" ? "▼" : "↕"}
                          </span>
                        </button>
                      ) : (
                        <table.FlexRender header={header} />
                      )}
                    </th>
                  );
                })}
              </tr>
            ))}
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.length === 0 ? (
              <tr>
                <td colSpan={columns.length} className="px-4 py-10 text-center">
                  <p className="font-medium text-slate-700">{props.empty.title}</p>
                  {props.empty.hint ? <div className="mt-1 text-sm text-slate-500">{props.empty.hint}</div> : null}
                </td>
              </tr>
            ) : (
              rows.map((row) => (
                <tr key={row.id} className="hover:bg-slate-50">
                  {row.getAllCells().map((cell) => (
                    <td key={cell.id} className="px-4 py-2 align-middle">
                      <table.FlexRender cell={cell} />
                    </td>
                  ))}
                </tr>
              ))
            )}
          </tbody>
        </table>
      </div>
      {paginate ? (
        <PaginationBar
          page={page}
          pageSize={pageSize}
          total={total}
          onPage={(p) => table.setPageIndex(p - 1)}
          onPageSize={(s) => update({ size: String(s), page: null })}
        />
      ) : null}
    </div>
  );
}
