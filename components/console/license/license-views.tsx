import Link from "next/link";

/** Links from a license to its other views: billing periods and renewal, leases, concurrency, license files. */
export function LicenseViews({ licenseId, floating }: { licenseId: string; floating: boolean }) {
  const base = `/console/licenses/${licenseId}`;
  const views = [
    { href: `${base}/billing`, label: "Billing periods & renewal" },
    ...(floating ? [{ href: `${base}/leases`, label: "Current leases" }] : []),
    { href: `${base}/concurrency`, label: "Concurrency report" },
    { href: `${base}/license-file`, label: "Generate license file" },
  ];
  return (
    <nav aria-label="License views" className="flex flex-wrap gap-2">
      {views.map((v) => (
        <Link
          key={v.href}
          href={v.href}
          className="rounded-md bg-white px-3 py-1.5 text-sm font-medium text-indigo-700 ring-1 ring-slate-200 hover:bg-indigo-50 focus-visible:outline-2 focus-visible:outline-indigo-600"
        >
          {v.label}
        </Link>
      ))}
    </nav>
  );
}
