import Link from "next/link";

const TABS = [
  { href: "/console/settings/email", label: "Email" },
  { href: "/console/settings/outbox", label: "Outbox" },
];

export function MailSettingsTabs({ active }: { active: string }) {
  return (
    <nav aria-label="Email settings" className="flex gap-1 border-b border-slate-200">
      {TABS.map((t) => (
        <Link
          key={t.href}
          href={t.href}
          aria-current={t.href === active ? "page" : undefined}
          className={`-mb-px border-b-2 px-3 py-2 text-sm font-medium ${t.href === active ? "border-indigo-600 text-indigo-700" : "border-transparent text-slate-600 hover:text-slate-900"}`}
        >
          {t.label}
        </Link>
      ))}
    </nav>
  );
}
