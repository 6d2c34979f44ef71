import Link from "next/link";

export default function ConsoleNotFound() {
  return (
    <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
      <h1 className="text-lg font-semibold">Not found</h1>
      <p className="mt-1 text-sm text-slate-600">This record does not exist or was deleted.</p>
      <Link href="/console" className="mt-4 inline-block text-sm font-medium text-indigo-700 hover:underline">
        Back to the dashboard
      </Link>
    </div>
  );
}
