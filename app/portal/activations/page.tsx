import type { Metadata } from "next";
import Link from "next/link";
import { ActivationsTable } from "@/components/portal/activations-table";
import { EmptyState, PageHeader } from "@/components/portal/page-header";
import { Pagination } from "@/components/portal/pagination";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { db } from "@/lib/db";
import { isOrgAdmin } from "@/lib/portal/actor";
import { listOrgActivations } from "@/lib/portal/list-org-activations";
import { requireOrgActor } from "@/lib/portal/session";
import { notFound } from "next/navigation";

export const metadata: Metadata = { title: "Activations" };

const NOT_SEEN = [7, 14, 30, 60, 90];

export default async function PortalActivations({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireOrgActor("/portal/activations");
  const sp = await searchParams;
  const now = new Date();
  if (sp.licenseId) {
    const license = await db.license.findFirst({ where: { id: sp.licenseId, organizationId: actor.organizationId }, select: { id: true } });
    if (!license) notFound();
  }
  const { activations, total, query } = await listOrgActivations(actor, sp, now);
  const admin = isOrgAdmin(actor);
  const filtered = Boolean(query.q || query.notSeenDays || query.licenseId);
  return (
    <>
      <PageHeader
        title={admin ? "Activations" : "My devices"}
        description={
          admin
            ? "Every device that holds a seat. Free the seats of people who left or machines that were replaced."
            : "The devices where you are signed in. Deactivate one you no longer use to free its seat."
        }
      />
      <Card>
        <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search">
          {query.licenseId ? <input type="hidden" name="licenseId" value={query.licenseId} /> : null}
          <div className="min-w-64 flex-1">
            <label htmlFor="q" className="block text-sm font-medium text-slate-700">
              Search
            </label>
            <Input id="q" name="q" type="search" defaultValue={query.q} placeholder={admin ? "Device name, hostname or user email" : "Device name or hostname"} />
          </div>
          <div>
            <label htmlFor="notSeenDays" className="block text-sm font-medium text-slate-700">
              Not seen for
            </label>
            <select
              id="notSeenDays"
              name="notSeenDays"
              defaultValue={query.notSeenDays ? String(query.notSeenDays) : ""}
              className="block rounded-md border-0 px-3 py-2 text-sm shadow-sm ring-1 ring-slate-300 focus:ring-2 focus:ring-indigo-600"
            >
              <option value="">Any time</option>
              {NOT_SEEN.map((d) => (
                <option key={d} value={d}>
                  {d}+ days
                </option>
              ))}
            </select>
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            Apply
          </button>
          {filtered ? (
            <Link href="/portal/activations" className="py-2 text-sm text-indigo-700 hover:underline">
              Clear filters
            </Link>
          ) : null}
        </form>
        <ActivationsTable
          rows={activations}
          now={now.getTime()}
          showUser={admin}
          canDeactivateAll={admin && actor.canDeactivateSeats}
          empty={
            <EmptyState title={filtered ? "No seats match these filters" : admin ? "No devices hold a seat yet" : "You are not signed in on any device"}>
              {filtered ? "Try another search or a shorter period." : "Seats appear here when someone signs in to the application."}
            </EmptyState>
          }
        />
        <Pagination
          basePath="/portal/activations"
          params={{ q: query.q || undefined, notSeenDays: query.notSeenDays, licenseId: query.licenseId, pageSize: query.pageSize === 25 ? undefined : query.pageSize }}
          page={query.page}
          pageSize={query.pageSize}
          total={total}
        />
      </Card>
    </>
  );
}
