import { DataTableSkeleton } from "@/components/data-table/skeleton";

export default function Loading() {
  return (
    <div className="space-y-4">
      <div className="h-7 w-48 animate-pulse rounded bg-slate-200" />
      <DataTableSkeleton />
    </div>
  );
}
