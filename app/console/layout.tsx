import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { ConsoleNav } from "@/components/console/console-nav";
import { requireStaff } from "@/components/console/current-staff";

export const dynamic = "force-dynamic";

export default async function ConsoleLayout({ children }: { children: ReactNode }) {
  const user = await requireStaff();
  return (
    <div className="min-h-screen">
      <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:top-2 focus:left-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2">
        Skip to content
      </a>
      <header className="border-b border-slate-200 bg-white">
        <div className="flex items-center justify-between px-4 py-3">
          <Link href="/console" className="text-lg font-bold tracking-tight text-indigo-700">
            Seatwise
          </Link>
          <div className="flex items-center gap-3 text-sm text-slate-600">
            <span data-testid="signed-in-as">
              {user.name} · {user.role === "ADMIN" ? "Admin" : "Read-only"}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <div className="flex">
        <aside className="w-52 shrink-0 border-r border-slate-200 bg-white px-2 py-4">
          <ConsoleNav />
        </aside>
        <main id="main" className="min-w-0 flex-1 px-6 py-6">
          {user.role !== "ADMIN" ? (
            <p className="mb-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200" data-testid="read-only-notice">
              You have read-only access: you can see everything but not change it.
            </p>
          ) : null}
          {children}
        </main>
      </div>
    </div>
  );
}
