import type { Metadata } from "next";
import { MailSettingsForm } from "@/components/billing/mail-settings-form";
import { MailSettingsTabs } from "@/components/billing/settings-tabs";
import { Card } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/session";
import { DEFAULT_SENDER, getMailSettings } from "@/lib/mail/settings";

export const metadata: Metadata = { title: "Email settings" };

export default async function EmailSettingsPage() {
  const [user, settings] = await Promise.all([currentUser(), getMailSettings()]);
  const viaResend = Boolean(process.env.RESEND_API_KEY);
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Settings</h1>
      <MailSettingsTabs active="/console/settings/email" />
      <Card title="Email">
        <MailSettingsForm
          billingContact={settings.billingContact ?? ""}
          sender={settings.sender ?? ""}
          defaultSender={process.env.SEATWISE_MAIL_FROM ?? DEFAULT_SENDER}
          canEdit={user?.role === "ADMIN"}
        />
      </Card>
      <Card title="Delivery">
        <p className="text-sm text-slate-700" data-testid="delivery-mode">
          {viaResend
            ? "Emails are sent through Resend (RESEND_API_KEY is set). Failed sends are retried with backoff for several hours."
            : "No RESEND_API_KEY is set: emails are not sent but kept in the outbox, where you can read them."}
        </p>
      </Card>
    </div>
  );
}
