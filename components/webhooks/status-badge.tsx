const STYLES: Record<string, string> = {
  SUCCEEDED: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  PENDING: "bg-amber-50 text-amber-800 ring-amber-200",
  FAILED: "bg-red-50 text-red-700 ring-red-200",
  ENABLED: "bg-emerald-50 text-emerald-700 ring-emerald-200",
  DISABLED: "bg-slate-100 text-slate-600 ring-slate-200",
};

export function StatusBadge({ status, label }: { status: string; label?: string }) {
  return <span className={`inline-flex rounded-full px-2 py-0.5 text-xs font-medium ring-1 ${STYLES[status] ?? STYLES.DISABLED}`}>{label ?? status.toLowerCase()}</span>;
}
