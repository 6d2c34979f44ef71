import "server-only";
import { z } from "zod";
import { db, type TDbOrTx } from "../db";

const SETTING_KEY = "mail";

export const DEFAULT_SENDER = "Seatwise <no-reply@seatwise.local>";

/** Matches `Name <addr@host>` or a bare address, the two forms Resend's `from` accepts. */
const SENDER_PATTERN = /^(?:[^<>@\r\n]{1,100}\s)?<?[^\s<>@]+@[^\s<>@]+\.[^\s<>@]+>?$/;

export const ZMailSettings = z.object({
  billingContact: z
    .string()
    .trim()
    .max(320)
    .transform((v) => v || null)
    .pipe(z.email("Enter a valid email address, e.g. billing@example.com").nullable()),
  sender: z
    .string()
    .trim()
    .max(320)
    .transform((v) => v || null)
    .pipe(z.string().regex(SENDER_PATTERN, 'Use an address or "Name <address@example.com>"').nullable()),
});
export type TMailSettings = z.infer<typeof ZMailSettings>;

/** Mail settings live in the Setting table so staff can change them in the console without a restart. */
export async function getMailSettings(client: TDbOrTx = db): Promise<TMailSettings> {
  const row = await client.setting.findUnique({ where: { key: SETTING_KEY } });
  const value = (row?.value ?? {}) as Partial<Record<keyof TMailSettings, unknown>>;
  return {
    billingContact: typeof value.billingContact === "string" ? value.billingContact : null,
    sender: typeof value.sender === "string" ? value.sender : null,
  };
}

export async function setMailSettings(settings: TMailSettings, client: TDbOrTx = db): Promise<TMailSettings> {
  const value = { billingContact: settings.billingContact, sender: settings.sender };
  await client.setting.upsert({ where: { key: SETTING_KEY }, create: { key: SETTING_KEY, value }, update: { value } });
  return value;
}

/** The sender used when none is configured: SEATWISE_MAIL_FROM, then a placeholder. */
export function effectiveSender(settings: TMailSettings): string {
  return settings.sender ?? process.env.SEATWISE_MAIL_FROM ?? DEFAULT_SENDER;
}
