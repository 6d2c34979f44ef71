import Link from "next/link";
import type { ReactNode } from "react";
import { SignOutButton } from "@/components/auth/sign-out-button";
import { PortalNav, type TNavItem } from "@/components/portal/portal-nav";
import { isOrgAdmin } from "@/lib/portal/actor";
import { requireOrgActor } from "@/lib/portal/session";

export const dynamic = "force-dynamic";

export default async function PortalLayout({ children }: { children: ReactNode }) {
  const actor = await requireOrgActor();
  const admin = isOrgAdmin(actor);
  const items: TNavItem[] = admin
    ? [
        { href: "/portal", label: "Licenses" },
        { href: "/portal/activations", label: "Activations" },
        { href: "/portal/users", label: "Users" },
        { href: "/portal/usage", label: "Usage" },
      ]
    : [
        { href: "/portal", label: "Licenses" },
        { href: "/portal/activations", label: "My devices" },
      ];
  return (
    <div className="min-h-screen">
      <header className="border-b border-slate-200 bg-white">
        <div className="mx-auto flex max-w-7xl items-center justify-between gap-4 px-4 py-3">
          <div className="flex items-center gap-6">
            <Link href="/portal" className="flex items-baseline gap-2">
              <span className="text-lg font-bold tracking-tight text-indigo-700">Seatwise</span>
              <span className="text-sm font-medium text-slate-500">{actor.organizationName}</span>
            </Link>
            <PortalNav items={items} />
          </div>
          <div className="flex items-center gap-3 text-sm text-slate-600">
            <span data-testid="signed-in-as">
              {actor.name} · {admin ? "Admin" : "Member"}
            </span>
            <SignOutButton />
          </div>
        </div>
      </header>
      <main className="mx-auto max-w-7xl space-y-6 px-4 py-6">{children}</main>
    </div>
  );
}
