import { EmailLayout, Facts, formatDate, formatDateTime, P } from "./layout";

export type TInvitationData = { name: string | null; organizationName: string; invitedBy: string | null; acceptUrl: string; expiresAt: string };

export function InvitationEmail(d: TInvitationData) {
  return (
    <EmailLayout
      preview={`You're invited to ${d.organizationName} on Seatwise`}
      heading={`Join ${d.organizationName}`}
      action={{ label: "Accept the invitation", url: d.acceptUrl }}
      footer="If you weren't expecting this invitation, you can ignore this email: nothing happens until you accept."
    >
      <P>
        {d.name ? `Hi ${d.name}, ` : "Hi, "}
        {d.invitedBy ?? "An administrator"} invited you to {d.organizationName} on Seatwise. Accept to choose your password, then sign in to the
        application with your email address and that password to use your organization&apos;s licensed seats.
      </P>
      <P>The link works once and expires on {formatDate(d.expiresAt)}.</P>
    </EmailLayout>
  );
}

export type TAdminWelcomeData = { name: string | null; organizationName: string; setupUrl: string; expiresAt: string; products: string[] };

export function AdminWelcomeEmail(d: TAdminWelcomeData) {
  return (
    <EmailLayout
      preview={`You're the License Administrator for ${d.organizationName}`}
      heading={`Welcome, License Administrator`}
      action={{ label: "Set up your account", url: d.setupUrl }}
      footer="You received this because your vendor named you License Administrator for your organization."
    >
      <P>
        {d.name ? `Hi ${d.name}, ` : "Hi, "}you are the License Administrator for {d.organizationName}. From the portal you can see seat usage, invite colleagues, free
        seats from devices that are no longer used and set the activation password.
      </P>
      {d.products.length > 0 ? <Facts rows={[["Licensed products", d.products.join(", ")]]} /> : null}
      <P>The set-up link works once and expires on {formatDate(d.expiresAt)}.</P>
    </EmailLayout>
  );
}

export type TPasswordResetData = { name: string | null; resetUrl: string; expiresAt: string; ip: string | null };

export function PasswordResetEmail(d: TPasswordResetData) {
  return (
    <EmailLayout
      preview="Reset your Seatwise password"
      heading="Reset your password"
      action={{ label: "Choose a new password", url: d.resetUrl }}
      footer="If you didn't ask for this, ignore this email: your password stays as it is."
    >
      <P>{d.name ? `Hi ${d.name}, ` : "Hi, "}someone asked to reset the password of your Seatwise account.</P>
      <Facts rows={[["Link expires", formatDateTime(d.expiresAt)], ...(d.ip ? ([["Requested from", d.ip]] as [string, string][]) : [])]} />
    </EmailLayout>
  );
}

export type TAdminEmailChangedData = { previousEmail: string; newEmail: string; product: string; changedAt: string; ip: string | null };

/** Sent to the old address: a hijacked session must not take a license over quietly. */
export function AdminEmailChangedEmail(d: TAdminEmailChangedData) {
  return (
    <EmailLayout
      preview={`The License Administrator email for ${d.product} is now ${d.newEmail}`}
      heading="Your License Administrator email was changed"
      footer="You received this at your previous address. If you did not make this change, contact your vendor right away: whoever controls the new address now administers the license."
    >
      <P>
        The portal sign-in of the License Administrator of {d.product} was changed from {d.previousEmail} to {d.newEmail}. This address can no longer sign in.
      </P>
      <Facts
        rows={[
          ["New email", d.newEmail],
          ["Changed", formatDateTime(d.changedAt)],
          ...(d.ip ? ([["From", d.ip]] as [string, string][]) : []),
        ]}
      />
    </EmailLayout>
  );
}
