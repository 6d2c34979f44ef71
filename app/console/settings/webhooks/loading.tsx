export default function Loading() {
  return (
    <div className="space-y-4" aria-busy="true" aria-label="Loading webhooks">
      <div className="h-6 w-48 animate-pulse rounded bg-slate-200" />
      <div className="h-40 animate-pulse rounded-lg bg-slate-100" />
      <div className="h-64 animate-pulse rounded-lg bg-slate-100" />
    </div>
  );
}
