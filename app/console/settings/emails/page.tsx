import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EmailSettingsForm } from "@/components/webhooks/email-settings-form";
import { currentUser } from "@/lib/auth/session";
import { EMAIL_KINDS, EMAIL_TEMPLATES, renderEmail } from "@/lib/mail/templates/render-email";
import { SAMPLE_EMAIL_DATA } from "@/lib/mail/templates/sample-data";
import { leaseDenialThreshold } from "@/lib/notifications/lease-denials";
import { expiryNoticeDays } from "@/lib/notifications/notify-expiring-licenses";
import { AUDIENCE_LABELS, getRecipientSettings, LICENSE_NOTICE_KINDS } from "@/lib/notifications/recipients";
import { saveEmailSettingsAction } from "./actions";

export const metadata: Metadata = { title: "Emails" };

export default async function EmailsPage() {
  const [user, recipients, days, denialThreshold, previews] = await Promise.all([
    currentUser(),
    getRecipientSettings(),
    expiryNoticeDays(),
    leaseDenialThreshold(),
    Promise.all(EMAIL_KINDS.map(async (kind) => ({ kind, label: EMAIL_TEMPLATES[kind].label, ...(await renderEmail(kind, SAMPLE_EMAIL_DATA[kind] as never)) }))),
  ]);
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-500">
          <Link href="/console" className="hover:underline">Console</Link> / Settings / Emails
        </p>
        <h1 className="text-xl font-semibold">Emails</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Every email is queued in the database with the change that caused it and sent by the mail worker. Choose who receives each license notice;
          invitations, welcomes and password resets always go to the person concerned.
        </p>
      </div>
      <Card title="Recipients">
        <EmailSettingsForm
          action={saveEmailSettingsAction}
          readOnly={user?.role !== "ADMIN"}
          expiryDays={days}
          leaseDenialThreshold={denialThreshold}
          kinds={LICENSE_NOTICE_KINDS.map((kind) => ({ kind, label: EMAIL_TEMPLATES[kind].label, audience: recipients[kind] }))}
          audiences={Object.entries(AUDIENCE_LABELS).map(([value, label]) => ({ value, label }))}
        />
      </Card>
      <section className="space-y-4" aria-label="Template previews">
        <h2 className="text-base font-semibold">Templates (sample data)</h2>
        {previews.map((p) => (
          <Card key={p.kind} title={p.label} actions={<code className="text-xs text-slate-500">{p.kind}</code>}>
            <p className="mb-3 text-sm">
              <span className="text-slate-500">Subject:</span> <span className="font-medium" data-testid={`subject-${p.kind}`}>{p.subject}</span>
            </p>
            <div className="grid gap-4 lg:grid-cols-2">
              <iframe title={`${p.label} (HTML)`} srcDoc={p.html} sandbox="" className="h-[420px] w-full rounded-md ring-1 ring-slate-200" />
              <pre className="h-[420px] overflow-auto rounded-md bg-slate-50 p-3 text-xs whitespace-pre-wrap ring-1 ring-slate-200" aria-label={`${p.label} (plain text)`}>
                {p.text}
              </pre>
            </div>
          </Card>
        ))}
      </section>
    </div>
  );
}
