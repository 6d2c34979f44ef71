import { render } from "@react-email/render";
import type { ReactElement } from "react";
import {
  AdminEmailChangedEmail,
  AdminWelcomeEmail,
  InvitationEmail,
  PasswordResetEmail,
  type TAdminEmailChangedData,
  type TAdminWelcomeData,
  type TInvitationData,
  type TPasswordResetData,
} from "./account-emails";
import {
  GoodwillInUseEmail,
  LeaseDenialsEmail,
  LicenseExpiredEmail,
  LicenseExpiringEmail,
  SeatAlertEmail,
  type TExpiredData,
  type TExpiringData,
  type TGoodwillData,
  type TLeaseDenialsData,
  type TSeatAlertData,
} from "./license-emails";

type TTemplate<T> = { label: string; subject: (data: T) => string; component: (data: T) => ReactElement };

function template<T>(t: TTemplate<T>): TTemplate<T> {
  return t;
}

/** Every email Seatwise sends. The key is the EmailMessage.kind and the recipients setting's key. */
export const EMAIL_TEMPLATES = {
  seat_alert: template<TSeatAlertData>({
    label: "Seat alert reached",
    subject: (d) => `Seat alert: ${d.customer} has used ${d.seatsConsumed} of ${d.seatLimit} seats`,
    component: SeatAlertEmail,
  }),
  goodwill_in_use: template<TGoodwillData>({
    label: "Goodwill seats in use",
    subject: (d) => `${d.customer} is using goodwill seats on ${d.product}`,
    component: GoodwillInUseEmail,
  }),
  license_expiring: template<TExpiringData>({
    label: "License expiring",
    subject: (d) => `Your ${d.product} license expires ${d.daysLeft <= 1 ? (d.daysLeft <= 0 ? "today" : "tomorrow") : `in ${d.daysLeft} days`}`,
    component: LicenseExpiringEmail,
  }),
  license_expired: template<TExpiredData>({
    label: "License expired",
    subject: (d) => `Your ${d.product} license has expired`,
    component: LicenseExpiredEmail,
  }),
  lease_denials: template<TLeaseDenialsData>({
    label: "Floating lease denials",
    subject: (d) => `${d.customer}: ${d.denials} floating seat requests refused today`,
    component: LeaseDenialsEmail,
  }),
  invitation: template<TInvitationData>({
    label: "Invitation",
    subject: (d) => `You're invited to ${d.organizationName} on Seatwise`,
    component: InvitationEmail,
  }),
  admin_welcome: template<TAdminWelcomeData>({
    label: "License Administrator welcome",
    subject: (d) => `You're the License Administrator for ${d.organizationName}`,
    component: AdminWelcomeEmail,
  }),
  admin_email_changed: template<TAdminEmailChangedData>({
    label: "License Administrator email changed",
    subject: () => "Your License Administrator email was changed",
    component: AdminEmailChangedEmail,
  }),
  password_reset: template<TPasswordResetData>({
    label: "Password reset",
    subject: () => "Reset your Seatwise password",
    component: PasswordResetEmail,
  }),
};

export type TEmailKind = keyof typeof EMAIL_TEMPLATES;
export type TEmailData<K extends TEmailKind> = Parameters<(typeof EMAIL_TEMPLATES)[K]["component"]>[0];
export const EMAIL_KINDS = Object.keys(EMAIL_TEMPLATES) as TEmailKind[];

export type TRenderedEmail = { subject: string; html: string; text: string };

/** Renders a template to the html and plain-text parts queueEmail stores. */
export async function renderEmail<K extends TEmailKind>(kind: K, data: TEmailData<K>): Promise<TRenderedEmail> {
  const t = EMAIL_TEMPLATES[kind] as unknown as TTemplate<TEmailData<K>>;
  const element = t.component(data);
  const [html, text] = await Promise.all([render(element), render(element, { plainText: true })]);
  return { subject: t.subject(data), html, text };
}
