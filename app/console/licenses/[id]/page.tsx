import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { ActionForm } from "@/components/console/action-form";
import { StatusBadge } from "@/components/console/badge";
import { CopyButton } from "@/components/console/copy-button";
import { requireStaff } from "@/components/console/current-staff";
import { EventsTable } from "@/components/console/events-table";
import { fmtDate, fmtDateTime } from "@/components/console/format";
import { ActivationsTable } from "@/components/console/license/activations-table";
import { LicenseEditForms } from "@/components/console/license/license-edit-forms";
import { LicenseViews } from "@/components/console/license/license-views";
import { PageHeader } from "@/components/console/page-header";
import { SeatBar } from "@/components/console/seat-bar";
import { LicenseRules } from "@/components/console/license/license-rules";
import { db } from "@/lib/db";
import { listTokenKeys } from "@/lib/rules/issue-token-keys";
import { firstParams, parseTableParams, type TSearchParams } from "@/components/data-table/params";
import { Card } from "@/components/ui/card";
import { ApiError } from "@/lib/api/errors";
import { getLicense } from "@/lib/admin/get-license";
import { listLicenseActivations } from "@/lib/admin/list-activations";
import { listEvents } from "@/lib/console/list-events";
import { setStatusAction } from "../actions";

export const metadata: Metadata = { title: "License" };

async function loadLicense(id: string) {
  try {
    return await getLicense(id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}

export default async function LicensePage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<TSearchParams> }) {
  const staff = await requireStaff();
  const { id } = await params;
  const query = firstParams(await searchParams);
  const { page, pageSize } = parseTableParams(query, [], { id: "createdAt", desc: true });
  const includeInactive = query.show === "all";
  const license = await loadLicense(id);
  const administratorId = license.rules.administratorId;
  const [activations, events, tokenKeys, secrets, administrator] = await Promise.all([
    listLicenseActivations(id, { page, pageSize, includeInactive }),
    listEvents({ license: id, pageSize: 10 }),
    listTokenKeys(id),
    db.license.findUnique({ where: { id }, select: { activationPasswordHash: true, policy: true } }),
    administratorId ? db.orgUser.findUnique({ where: { id: administratorId }, select: { email: true, disabledAt: true } }) : null,
  ]);
  const goodwill = license.rules.effective.goodwillSeats;
  const { used, limit } = license.seats;
  const title = license.name ?? license.organization?.name ?? "License";
  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: "/console/licenses", label: "Licenses" }}
        title={
          <span className="flex items-center gap-3">
            {title} <StatusBadge status={license.status} />
          </span>
        }
        description={`${license.product.name} · ${license.policy.name} · ${license.model === "FLOATING" ? "Floating" : "Node-locked"}`}
        actions={
          staff.canEdit && license.status !== "EXPIRED" ? (
            <ActionForm
              action={setStatusAction}
              submitLabel={license.status === "SUSPENDED" ? "Reinstate" : "Suspend"}
              variant={license.status === "SUSPENDED" ? "primary" : "danger"}
              confirm={license.status === "SUSPENDED" ? undefined : "Suspend this license? Its devices stop validating."}
              inline
            >
              <input type="hidden" name="id" value={license.id} />
              <input type="hidden" name="status" value={license.status === "SUSPENDED" ? "ACTIVE" : "SUSPENDED"} />
            </ActionForm>
          ) : null
        }
      />

      <LicenseViews licenseId={license.id} floating={license.model === "FLOATING"} />

      {used > limit + goodwill ? (
        <div role="alert" data-testid="over-limit-notice" className="rounded-md bg-amber-50 px-4 py-3 text-sm text-amber-900 ring-1 ring-amber-300">
          <strong>{used} seats are in use but the limit is {limit}.</strong> New activations are blocked until usage drops below {limit}. Devices
          already activated keep working; deactivate devices or raise the seat count to allow new ones.
        </div>
      ) : null}

      <div className="grid gap-4 lg:grid-cols-3">
        <Card title="License key" className="lg:col-span-2">
          <div className="flex flex-wrap items-center gap-3">
            <code data-testid="license-key" className="rounded bg-slate-100 px-2 py-1 font-mono text-sm">
              {license.key}
            </code>
            <CopyButton value={license.key} label="Copy key" />
          </div>
          <dl className="mt-4 grid grid-cols-2 gap-x-6 gap-y-2 text-sm sm:grid-cols-3">
            <Info label="Customer">
              {license.organization ? (
                <Link className="text-indigo-700 hover:underline" href={`/console/customers/${license.organization.id}`}>
                  {license.organization.name}
                </Link>
              ) : (
                "—"
              )}
            </Info>
            <Info label="Policy">
              <Link className="text-indigo-700 hover:underline" href={`/console/policies/${license.policy.id}`}>
                {license.policy.name}
              </Link>
            </Info>
            <Info label="Expires">{fmtDate(license.expiresAt)}</Info>
            <Info label="Starts">{fmtDate(license.startsAt)}</Info>
            <Info label="Created">{fmtDateTime(license.createdAt)}</Info>
            <Info label="Seat alert">{license.seatAlertThreshold ? `at ${license.seatAlertThreshold} consumed` : "Off"}</Info>
            <Info label="License Administrator">
              {/* Set by the first activation with an email; they manage the activation password in the portal. */}
              <span data-testid="license-administrator">
                {administrator ? `${administrator.email}${administrator.disabledAt ? " (disabled)" : ""}` : "None"}
              </span>
            </Info>
            <Info label="Activation password">
              <span data-testid="activation-password-summary">{secrets?.activationPasswordHash ? "Set" : "Not set"}</span>
            </Info>
          </dl>
        </Card>
        <Card title="Seats">
          <SeatBar used={used} limit={limit} goodwill={goodwill} />
          <p className="mt-3 text-sm text-slate-600">
            Consumed this billing period:{" "}
            <strong data-testid="seats-consumed">{license.currentPeriod?.seatsConsumed ?? 0}</strong>
            {license.currentPeriod ? (
              <span className="text-slate-500">
                {" "}
                ({fmtDate(license.currentPeriod.startsAt)} – {fmtDate(license.currentPeriod.endsAt, "open")})
              </span>
            ) : null}
          </p>
        </Card>
      </div>

      <section aria-labelledby="activations-heading" className="space-y-2">
        <div className="flex items-center justify-between">
          <h2 id="activations-heading" className="text-sm font-semibold text-slate-800">
            Activations
          </h2>
          <Link href={includeInactive ? `/console/licenses/${id}` : `/console/licenses/${id}?show=all`} className="text-sm text-indigo-700 hover:underline">
            {includeInactive ? "Show active only" : "Include deactivated"}
          </Link>
        </div>
        <ActivationsTable
          licenseId={id}
          canEdit={staff.canEdit}
          data={activations.activations}
          total={activations.total}
          page={page}
          pageSize={pageSize}
          empty={{ title: includeInactive ? "No devices have activated this license yet" : "No active devices", hint: "Devices appear here when they activate with the license key." }}
        />
      </section>

      {secrets ? (
        <LicenseRules
          licenseId={license.id}
          model={license.model}
          rules={license.rules}
          policy={secrets.policy}
          passwordSet={secrets.activationPasswordHash !== null}
          tokenKeys={tokenKeys}
          seatLimit={limit}
          canEdit={staff.canEdit}
        />
      ) : null}

      {staff.canEdit ? (
        <LicenseEditForms
          license={{
            id: license.id,
            name: license.name,
            notes: license.notes,
            seats: limit,
            seatsUsed: used,
            expiresAt: license.expiresAt,
            seatAlertThreshold: license.seatAlertThreshold,
          }}
        />
      ) : license.notes ? (
        <Card title="Notes">
          <p className="text-sm whitespace-pre-wrap text-slate-700">{license.notes}</p>
        </Card>
      ) : null}

      <section aria-labelledby="events-heading" className="space-y-2">
        <div className="flex items-center justify-between">
          <h2 id="events-heading" className="text-sm font-semibold text-slate-800">
            Recent events
          </h2>
          <Link href={`/console/events?license=${id}`} className="text-sm text-indigo-700 hover:underline">
            All events of this license ({events.total})
          </Link>
        </div>
        <EventsTable data={events.events} total={events.total} page={1} pageSize={10} paginate={false} empty={{ title: "No events yet" }} />
      </section>
    </div>
  );
}

function Info({ label, children }: { label: string; children: React.ReactNode }) {
  return (
    <div>
      <dt className="text-xs text-slate-500">{label}</dt>
      <dd className="font-medium text-slate-900">{children}</dd>
    </div>
  );
}
