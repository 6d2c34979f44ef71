import Link from "next/link";

export default function PortalNotFound() {
  return (
    <div className="rounded-lg bg-white p-8 text-center shadow-sm ring-1 ring-slate-200">
      <h1 className="text-lg font-semibold text-slate-900">Page not found</h1>
      <p className="mt-1 text-sm text-slate-600">It does not exist, or your account can&apos;t open it.</p>
      <Link href="/portal" className="mt-4 inline-block text-sm font-medium text-indigo-700 hover:underline">
        Back to your licenses
      </Link>
    </div>
  );
}
