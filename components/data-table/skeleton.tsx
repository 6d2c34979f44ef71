/** Placeholder shown by route loading.tsx files while a table page queries the database. */
export function DataTableSkeleton({ rows = 8, columns = 6 }: { rows?: number; columns?: number }) {
  return (
    <div role="status" aria-label="Loading" className="animate-pulse rounded-lg bg-white shadow-sm ring-1 ring-slate-200">
      <div className="h-14 border-b border-slate-100" />
      <div className="space-y-3 p-4">
        {Array.from({ length: rows }, (_, r) => (
          <div key={r} className="flex gap-4">
            {Array.from({ length: columns }, (_, c) => (
              <div key={c} className="h-4 flex-1 rounded bg-slate-100" />
            ))}
          </div>
        ))}
      </div>
      <span className="sr-only">Loading…</span>
    </div>
  );
}
