export default function Loading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-live="polite">
      <div className="h-7 w-48 animate-pulse rounded bg-slate-200" />
      <div className="h-64 animate-pulse rounded-lg bg-white ring-1 ring-slate-200" />
      <span className="sr-only">Loading…</span>
    </div>
  );
}
