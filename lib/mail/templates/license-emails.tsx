import { EmailLayout, Facts, formatDate, P } from "./layout";

export type TLicenseFacts = { customer: string; product: string; licenseKey: string; consoleUrl: string };

export type TSeatAlertData = TLicenseFacts & { seatsConsumed: number; threshold: number; seatLimit: number; periodStart: string; periodEnd: string | null };

export function SeatAlertEmail(d: TSeatAlertData) {
  return (
    <EmailLayout
      preview={`${d.customer} has used ${d.seatsConsumed} of ${d.seatLimit} seats`}
      heading={`Seat alert: ${d.customer}`}
      action={{ label: "Open the license", url: d.consoleUrl }}
      footer="You get this alert once per billing period; renewing the license re-arms it."
    >
      <P>
        {d.customer} reached the seat alert threshold of {d.threshold} on {d.product}.
      </P>
      <Facts
        rows={[
          ["Seats consumed", `${d.seatsConsumed} of ${d.seatLimit} licensed`],
          ["Billing period", `${formatDate(d.periodStart)} – ${d.periodEnd ? formatDate(d.periodEnd) : "open-ended"}`],
          ["License key", d.licenseKey],
        ]}
      />
    </EmailLayout>
  );
}

export type TGoodwillData = TLicenseFacts & { seatsInUse: number; seatLimit: number; goodwillSeats: number };

export function GoodwillInUseEmail(d: TGoodwillData) {
  const over = d.seatsInUse - d.seatLimit;
  return (
    <EmailLayout
      preview={`${d.customer} is using ${over} goodwill seat${over === 1 ? "" : "s"}`}
      heading={`${d.customer} is using goodwill seats`}
      action={{ label: "Review the license", url: d.consoleUrl }}
      footer="Goodwill seats let customers go slightly over their limit without being blocked. You hear about it once per billing period."
    >
      <P>
        {d.customer} has {d.seatsInUse} devices on {d.product}, {over} more than the {d.seatLimit} seats they bought. Activations keep working up to{" "}
        {d.seatLimit + d.goodwillSeats} seats; after that they are refused.
      </P>
      <Facts
        rows={[
          ["Seats in use", `${d.seatsInUse} (limit ${d.seatLimit} + ${d.goodwillSeats} goodwill)`],
          ["License key", d.licenseKey],
        ]}
      />
      <P>This is a good moment to offer them more seats.</P>
    </EmailLayout>
  );
}

export type TExpiringData = TLicenseFacts & { expiresAt: string; daysLeft: number; renewUrl?: string | null };

export function LicenseExpiringEmail(d: TExpiringData) {
  const when = d.daysLeft <= 0 ? "today" : d.daysLeft === 1 ? "tomorrow" : `in ${d.daysLeft} days`;
  return (
    <EmailLayout
      preview={`The ${d.product} license for ${d.customer} expires ${when}`}
      heading={`Your ${d.product} license expires ${when}`}
      action={d.renewUrl ? { label: "Renew the license", url: d.renewUrl } : { label: "View the license", url: d.consoleUrl }}
      footer="You receive this notice before a license expires so nobody loses access by surprise."
    >
      <P>
        The {d.product} license for {d.customer} expires on {formatDate(d.expiresAt)}. After that date, devices can no longer activate or validate seats.
      </P>
      <Facts rows={[["Expires", formatDate(d.expiresAt)], ["License key", d.licenseKey]]} />
      <P>Renew before the expiry date to keep every seat working without interruption.</P>
    </EmailLayout>
  );
}

export type TExpiredData = TLicenseFacts & { expiredAt: string; renewUrl?: string | null };

export function LicenseExpiredEmail(d: TExpiredData) {
  return (
    <EmailLayout
      preview={`The ${d.product} license for ${d.customer} has expired`}
      heading={`Your ${d.product} license has expired`}
      action={d.renewUrl ? { label: "Renew now", url: d.renewUrl } : { label: "View the license", url: d.consoleUrl }}
      footer="You receive this notice once when a license expires."
    >
      <P>
        The {d.product} license for {d.customer} expired on {formatDate(d.expiredAt)}. Devices can no longer activate new seats or validate existing ones.
      </P>
      <Facts rows={[["Expired", formatDate(d.expiredAt)], ["License key", d.licenseKey]]} />
      <P>Renewing the license restores access immediately; installed devices pick it up at their next check-in.</P>
    </EmailLayout>
  );
}

export type TLeaseDenialsData = TLicenseFacts & { denials: number; threshold: number; day: string; seatLimit: number };

export function LeaseDenialsEmail(d: TLeaseDenialsData) {
  return (
    <EmailLayout
      preview={`${d.denials} floating lease requests were refused for ${d.customer} on ${formatDate(d.day)}`}
      heading={`${d.customer} is running out of floating seats`}
      action={{ label: "Open the license", url: d.consoleUrl }}
      footer={`You get this notice at most once a day per license, when refused lease requests reach ${d.threshold}.`}
    >
      <P>
        On {formatDate(d.day)}, {d.denials} requests for a floating {d.product} seat were refused because all {d.seatLimit} seats were checked out. People
        were waiting for a seat.
      </P>
      <Facts
        rows={[
          ["Refused lease requests", `${d.denials} (threshold ${d.threshold})`],
          ["Floating seats", String(d.seatLimit)],
          ["License key", d.licenseKey],
        ]}
      />
    </EmailLayout>
  );
}
