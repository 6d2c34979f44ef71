import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Badge } from "@/components/portal/badge";
import { ActivationPasswordForm, AdministratorEmailForm } from "@/components/portal/license-settings-forms";
import { PageHeader } from "@/components/portal/page-header";
import { Card } from "@/components/ui/card";
import { ApiError } from "@/lib/api/errors";
import { getLicenseSettings } from "@/lib/portal/license-settings";
import { requireOrgActor } from "@/lib/portal/session";
import type { TOrgActor } from "@/lib/portal/actor";

export const metadata: Metadata = { title: "License settings" };

async function load(actor: TOrgActor, id: string) {
  try {
    return await getLicenseSettings(actor, id);
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) notFound();
    throw error;
  }
}

export default async function LicenseSettingsPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const actor = await requireOrgActor(`/portal/licenses/${id}/settings`);
  const s = await load(actor, id);
  const admin = s.administrator;
  return (
    <>
      <div className="text-sm">
        <Link href="/portal" className="text-indigo-700 hover:underline">
          ← Licenses
        </Link>
      </div>
      <PageHeader title="License settings" description={`${s.product} · ${s.name ?? s.policy}`} />

      <Card title="License Administrator">
        {admin ? (
          <div className="space-y-1 text-sm" data-testid="license-administrator">
            <p className="flex flex-wrap items-center gap-2">
              <span className="font-medium text-slate-900">{admin.name !== admin.email ? `${admin.name} · ${admin.email}` : admin.email}</span>
              {s.isAdministrator ? <Badge tone="indigo">You</Badge> : null}
              {admin.disabled ? <Badge tone="red">Disabled</Badge> : null}
            </p>
            <p className="text-slate-600">
              The License Administrator became responsible for this license when it was first activated with their email. They, and the admins
              of {actor.organizationName}, can change the activation password.
            </p>
          </div>
        ) : (
          <p className="text-sm text-slate-600" data-testid="license-administrator">
            No License Administrator: your vendor assigned this license to {actor.organizationName} directly, so its admins manage it.
          </p>
        )}
      </Card>

      <Card
        title="Activation password"
        actions={
          <span data-testid="activation-password-state">
            {s.passwordSet ? <Badge tone="green">Set</Badge> : <Badge tone="slate">Not set</Badge>}
          </span>
        }
      >
        <p className="mb-4 text-sm text-slate-600">
          {s.passwordSet
            ? "New devices must enter this password to activate. Devices already activated keep working when you change or remove it. The password is never shown again; set a new one if it is lost."
            : "Anyone with the license key can activate a device. Set a password to require it for new activations."}
        </p>
        <ActivationPasswordForm licenseId={s.id} passwordSet={s.passwordSet} />
      </Card>

      <Card title="Administrator email">
        {s.isAdministrator && admin ? (
          <>
            <p className="mb-4 text-sm text-slate-600">
              This is the email you sign in to the portal with. After the change you sign in with the new address (your password stays the same),
              and we send a notice to the old address so a change you didn&apos;t make doesn&apos;t go unnoticed.
            </p>
            <AdministratorEmailForm licenseId={s.id} currentEmail={admin.email} />
          </>
        ) : (
          <p className="text-sm text-slate-600" data-testid="administrator-email-locked">
            {admin
              ? `Only the License Administrator (${admin.email}) can change this email.`
              : "This license has no License Administrator, so there is no administrator email to change."}
          </p>
        )}
      </Card>
    </>
  );
}
