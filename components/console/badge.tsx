const TONES = {
  green: "bg-green-50 text-green-700 ring-green-600/20",
  red: "bg-red-50 text-red-700 ring-red-600/20",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/20",
  slate: "bg-slate-50 text-slate-600 ring-slate-500/20",
  indigo: "bg-indigo-50 text-indigo-700 ring-indigo-600/20",
} as const;

export type TTone = keyof typeof TONES;

export function Badge({ tone = "slate", children }: { tone?: TTone; children: React.ReactNode }) {
  return <span className={`inline-flex items-center rounded-md px-2 py-0.5 text-xs font-medium whitespace-nowrap ring-1 ring-inset ${TONES[tone]}`}>{children}</span>;
}

const STATUS_TONE: Record<string, TTone> = {
  ACTIVE: "green",
  SUSPENDED: "red",
  EXPIRED: "amber",
  DEACTIVATED: "slate",
  LEASE_EXPIRED: "amber",
  ADMIN: "indigo",
  READ_ONLY: "slate",
  REVOKED: "slate",
  DISABLED: "slate",
};

export function StatusBadge({ status }: { status: string }) {
  const label = status.charAt(0) + status.slice(1).toLowerCase().replace(/_/g, " ");
  return <Badge tone={STATUS_TONE[status] ?? "slate"}>{label}</Badge>;
}
