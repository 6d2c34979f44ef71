import Link from "next/link";

type TProps = {
  licenseId: string;
  title: string;
  license: { name: string | null; organization: string | null; product: string; model: "NODE_LOCKED" | "FLOATING" };
  active: "leases" | "concurrency";
  /** Staff come back to the license's console page; customers to their portal's license list. */
  area: "console" | "portal";
};

/** Title, breadcrumb back to the license and tabs between its lease pages. */
export function LicenseSubpageHeader({ licenseId, title, license, active, area }: TProps) {
  const base = `/${area}/licenses/${licenseId}`;
  const tabs = [
    { key: "leases", label: "Leases", href: `${base}/leases` },
    { key: "concurrency", label: "Concurrency", href: `${base}/concurrency` },
  ] as const;
  const back = area === "console" ? { href: base, label: license.organization ?? license.name ?? "License" } : { href: "/portal", label: "Licenses" };
  return (
    <div className="space-y-3">
      <nav aria-label="Breadcrumb" className="text-sm text-slate-500">
        <Link href={back.href} className="hover:text-indigo-700 hover:underline">
          ← {back.label}
        </Link>
      </nav>
      <div className="flex flex-wrap items-end justify-between gap-3">
        <div>
          <h1 className="text-xl font-semibold">{title}</h1>
          <p className="text-sm text-slate-500">
            {license.product} · {license.name ?? "Unnamed license"} · {license.model === "FLOATING" ? "Floating" : "Node-locked"}
          </p>
        </div>
        <nav className="flex gap-1 rounded-lg bg-slate-100 p-1" aria-label="License views">
          {tabs.map((tab) => (
            <Link
              key={tab.key}
              href={tab.href}
              aria-current={tab.key === active ? "page" : undefined}
              className={`rounded-md px-3 py-1.5 text-sm font-medium focus-visible:outline-2 focus-visible:outline-indigo-600 ${
                tab.key === active ? "bg-white text-slate-900 shadow-sm" : "text-slate-600 hover:text-slate-900"
              }`}
            >
              {tab.label}
            </Link>
          ))}
        </nav>
      </div>
    </div>
  );
}
