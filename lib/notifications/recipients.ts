import "server-only";
import { z } from "zod";
import { db, type TDbOrTx } from "../db";

/** License notices whose audience staff choose; invitations, welcomes and resets go to their one person. */
export const LICENSE_NOTICE_KINDS = ["seat_alert", "goodwill_in_use", "license_expiring", "license_expired", "lease_denials"] as const;
export type TLicenseNoticeKind = (typeof LICENSE_NOTICE_KINDS)[number];

export const ZAudience = z.enum(["vendor", "org_admins", "both"]);
export type TAudience = z.infer<typeof ZAudience>;

export const AUDIENCE_LABELS: Record<TAudience, string> = {
  vendor: "Vendor billing contact",
  org_admins: "Customer's org admins",
  both: "Both",
};

/** Vendor-facing sales signals go to the vendor; expiry notices to both, so the customer can act too. */
export const DEFAULT_AUDIENCE: Record<TLicenseNoticeKind, TAudience> = {
  seat_alert: "vendor",
  goodwill_in_use: "vendor",
  license_expiring: "both",
  license_expired: "both",
  lease_denials: "both",
};

const SETTING_KEY = "notifications.recipients";
// The billing contact is the mail module's setting ({ billingContact } under "mail").
const MAIL_SETTING_KEY = "mail";

export const ZRecipientSettings = z.object(
  Object.fromEntries(LICENSE_NOTICE_KINDS.map((kind) => [kind, ZAudience])) as Record<TLicenseNoticeKind, typeof ZAudience>,
);
export type TRecipientSettings = z.infer<typeof ZRecipientSettings>;

export async function getRecipientSettings(client: TDbOrTx = db): Promise<TRecipientSettings> {
  const row = await client.setting.findUnique({ where: { key: SETTING_KEY } });
  const stored = (row?.value ?? {}) as Record<string, unknown>;
  const settings = { ...DEFAULT_AUDIENCE };
  for (const kind of LICENSE_NOTICE_KINDS) {
    const parsed = ZAudience.safeParse(stored[kind]);
    if (parsed.success) settings[kind] = parsed.data;
  }
  return settings;
}

export async function setRecipientSettings(settings: TRecipientSettings, client: TDbOrTx = db): Promise<TRecipientSettings> {
  const value = ZRecipientSettings.parse(settings);
  await client.setting.upsert({ where: { key: SETTING_KEY }, create: { key: SETTING_KEY, value }, update: { value } });
  return value;
}

/** The configured billing contact, else the first active ADMIN staff member (someone must hear about it). */
export async function vendorContact(client: TDbOrTx = db): Promise<string | null> {
  const row = await client.setting.findUnique({ where: { key: MAIL_SETTING_KEY } });
  const contact = (row?.value as { billingContact?: unknown } | null)?.billingContact;
  if (typeof contact === "string" && contact.includes("@")) return contact;
  const admin = await client.staffUser.findFirst({ where: { role: "ADMIN", disabledAt: null }, orderBy: { createdAt: "asc" }, select: { email: true } });
  return admin?.email ?? null;
}

/** Addresses that should receive `kind` about `license`, per the Setting; deduplicated, possibly empty. */
export async function recipientsFor(
  kind: TLicenseNoticeKind,
  license: { organizationId: string | null },
  client: TDbOrTx = db,
): Promise<string[]> {
  const audience = (await getRecipientSettings(client))[kind];
  const addresses: string[] = [];
  if (audience === "vendor" || audience === "both") {
    const contact = await vendorContact(client);
    if (contact) addresses.push(contact);
  }
  if ((audience === "org_admins" || audience === "both") && license.organizationId) {
    const admins = await client.orgUser.findMany({
      where: { organizationId: license.organizationId, role: "ORG_ADMIN", disabledAt: null },
      orderBy: { createdAt: "asc" },
      select: { email: true },
    });
    addresses.push(...admins.map((a) => a.email));
  }
  return [...new Set(addresses.map((a) => a.toLowerCase()))];
}
