import Link from "next/link";
import type { ReactNode } from "react";

export default function DocsLayout({ children }: { children: ReactNode }) {
  return (
    <div className="min-h-screen bg-white">
      <header className="border-b border-slate-200 bg-white">
        <nav aria-label="Documentation" className="mx-auto flex max-w-7xl items-center gap-6 px-4 py-3 text-sm">
          <Link href="/docs" className="text-lg font-bold tracking-tight text-indigo-700">
            Seatwise docs
          </Link>
          <Link href="/docs" className="text-slate-700 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600">
            Integration guide
          </Link>
          <Link href="/docs/api" className="text-slate-700 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600">
            API reference
          </Link>
          <a href="/api/v1/openapi.json" className="ml-auto text-slate-500 hover:text-indigo-700 focus-visible:outline-2 focus-visible:outline-indigo-600">
            openapi.json
          </a>
        </nav>
      </header>
      {children}
    </div>
  );
}
