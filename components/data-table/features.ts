import { createColumnHelper, rowPaginationFeature, rowSortingFeature, tableFeatures, type ColumnDef, type RowData } from "@tanstack/react-table";

/** Server-owned sorting and pagination: the table only renders one page the server already sorted. */
export const dataTableFeatures = tableFeatures({ rowSortingFeature, rowPaginationFeature });
export type TDataTableFeatures = typeof dataTableFeatures;
export type TDataTableColumns<TData extends RowData> = ColumnDef<TDataTableFeatures, TData, any>[];

export function dataTableColumns<TData extends RowData>() {
  return createColumnHelper<TDataTableFeatures, TData>();
}
