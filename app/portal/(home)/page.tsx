import type { Metadata } from "next";
import Link from "next/link";
import { Badge } from "@/components/portal/badge";
import { EmptyState, formatDate, PageHeader } from "@/components/portal/page-header";
import { Card } from "@/components/ui/card";
import { SeatBar } from "@/components/ui/seat-bar";
import { isOrgAdmin } from "@/lib/portal/actor";
import { listOrgLicenses } from "@/lib/portal/list-org-licenses";
import { requireOrgActor } from "@/lib/portal/session";

export const metadata: Metadata = { title: "Licenses" };

const DAY_MS = 86_400_000;

export default async function PortalLicenses() {
  const actor = await requireOrgActor();
  const now = new Date();
  const licenses = await listOrgLicenses(actor, now);
  const admin = isOrgAdmin(actor);
  return (
    <>
      <PageHeader
        title="Licenses"
        description={admin ? `Seats and terms of ${actor.organizationName}'s licenses.` : "The licenses you can use. Sign in to the application with your email and password to take a seat."}
      />
      {licenses.length === 0 ? (
        <EmptyState title="No licenses yet">Your software vendor has not assigned a license to your organization.</EmptyState>
      ) : (
        <div className="grid gap-4 md:grid-cols-2">
          {licenses.map((l) => {
            const pct = Math.round((l.seats.used / Math.max(1, l.seats.limit)) * 100);
            const expiresSoon = l.expiresAt && new Date(l.expiresAt).getTime() - now.getTime() < 30 * DAY_MS;
            return (
              <Card
                key={l.id}
                title={
                  <span className="flex items-center gap-2">
                    {l.product.name}
                    <span className="font-normal text-slate-500">· {l.name ?? l.policy.name}</span>
                  </span>
                }
                actions={
                  <Badge tone={l.status === "ACTIVE" ? "green" : "red"}>{l.status === "ACTIVE" ? "Active" : l.status === "EXPIRED" ? "Expired" : "Suspended"}</Badge>
                }
              >
                <dl className="grid grid-cols-3 gap-4 text-sm">
                  <div className="col-span-3">
                    <dt className="sr-only">Seats</dt>
                    <dd>
                      <div className="flex items-baseline justify-between">
                        <span className="text-2xl font-semibold text-slate-900" data-testid="seats-used">
                          {l.seats.used} <span className="text-base font-normal text-slate-500">/ {l.seats.limit} seats used</span>
                          {l.goodwillSeats > 0 ? <span className="ml-1 text-sm font-normal text-yellow-700">+ {l.goodwillSeats} goodwill</span> : null}
                        </span>
                        <span className="text-slate-500">{pct}%</span>
                      </div>
                      <div className="mt-2">
                        <SeatBar used={l.seats.used} limit={l.seats.limit} goodwill={l.goodwillSeats} counts={false} audience="customer" />
                      </div>
                    </dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500 uppercase">Expires</dt>
                    <dd className={expiresSoon ? "font-medium text-amber-700" : ""}>{l.expiresAt ? formatDate(l.expiresAt) : "Never"}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500 uppercase">Type</dt>
                    <dd>{l.model === "FLOATING" ? "Floating" : "Per device"}</dd>
                  </div>
                  <div>
                    <dt className="text-xs text-slate-500 uppercase">{admin ? "Devices per user" : "Your devices"}</dt>
                    <dd>{admin ? (l.maxActivationsPerUser ?? "No limit") : `${l.mySeats}${l.maxActivationsPerUser ? ` of ${l.maxActivationsPerUser}` : ""}`}</dd>
                  </div>
                </dl>
                <div className="mt-4 flex flex-wrap gap-x-4 gap-y-1 text-sm">
                  <Link className="font-medium text-indigo-700 hover:underline" href={`/portal/activations?licenseId=${l.id}`}>
                    {admin ? "View activations →" : "View my devices →"}
                  </Link>
                  {admin && l.model === "FLOATING" ? (
                    <>
                      <Link className="font-medium text-indigo-700 hover:underline" href={`/portal/licenses/${l.id}/leases`}>Leases</Link>
                      <Link className="font-medium text-indigo-700 hover:underline" href={`/portal/licenses/${l.id}/concurrency`}>Concurrency report</Link>
                    </>
                  ) : null}
                  {admin ? (
                    <Link className="font-medium text-indigo-700 hover:underline" href={`/portal/licenses/${l.id}/settings`}>
                      License settings →
                    </Link>
                  ) : null}
                </div>
              </Card>
            );
          })}
        </div>
      )}
    </>
  );
}
