import { beforeEach, describe, expect, it, vi } from "vitest";
import type { TSessionUser } from "@/lib/auth/auth-options";
import { db } from "@/lib/db";
import { getMailSettings } from "@/lib/mail/settings";
import { makeLicense } from "@/lib/test/factories";

// The session is the one thing a server action gets from outside: these tests choose who is signed in.
let signedIn: TSessionUser | null = null;
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => signedIn }));
vi.mock("next/cache", () => ({ revalidatePath: () => {} }));

const { renewLicenseAction } = await import("./actions");
const { saveMailSettingsAction } = await import("@/app/console/settings/email/actions");

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

const admin: TSessionUser = { id: "staff-admin", email: "admin@vendor.test", name: "Admin", kind: "staff", role: "ADMIN" };
const readOnly: TSessionUser = { ...admin, id: "staff-ro", email: "ro@vendor.test", role: "READ_ONLY" };

describe("server actions refuse what the signed-in staff may not do", () => {
  beforeEach(() => {
    signedIn = null;
  });

  it("renew: read-only staff and signed-out visitors change nothing; admins renew", async () => {
    const { license } = await makeLicense();
    const input = form({ licenseId: license.id, mode: "days", durationDays: "30" });
    signedIn = readOnly;
    expect(await renewLicenseAction({ ok: false }, input)).toMatchObject({ ok: false, errors: { form: expect.stringContaining("Read-only") } });
    signedIn = null;
    expect(await renewLicenseAction({ ok: false }, input)).toMatchObject({ ok: false, errors: { form: expect.stringContaining("Sign in") } });
    expect(await db.billingPeriod.count({ where: { licenseId: license.id } })).toBe(1);

    signedIn = admin;
    expect(await renewLicenseAction({ ok: false }, form({ licenseId: license.id, mode: "days", durationDays: "1.5" }))).toMatchObject({
      ok: false,
      errors: { durationDays: expect.any(String) },
    });
    expect(await renewLicenseAction({ ok: false }, form({ licenseId: license.id, mode: "date", periodEnd: "2001-01-01" }))).toMatchObject({
      ok: false,
      errors: { periodEnd: "periodEnd must be in the future" },
    });
    const ok = await renewLicenseAction({ ok: false }, input);
    expect(ok).toMatchObject({ ok: true, message: expect.stringContaining("0 seats consumed") });
    expect(await db.billingPeriod.count({ where: { licenseId: license.id } })).toBe(2);
    const event = await db.event.findFirstOrThrow({ where: { licenseId: license.id, action: "license.renewed" } });
    expect(event).toMatchObject({ actorType: "STAFF", actorId: admin.id, actorLabel: admin.email });
  });

  it("email settings: only admins save, with field messages for bad input", async () => {
    signedIn = readOnly;
    const input = form({ billingContact: "billing@vendor.test", sender: "Vendor <billing@vendor.test>" });
    expect(await saveMailSettingsAction({ ok: false }, input)).toMatchObject({ ok: false, errors: { form: expect.stringContaining("Read-only") } });
    expect(await getMailSettings()).toEqual({ billingContact: null, sender: null });

    signedIn = admin;
    expect(await saveMailSettingsAction({ ok: false }, form({ billingContact: "nope", sender: "<<bad" }))).toMatchObject({
      ok: false,
      errors: { billingContact: expect.stringContaining("valid email"), sender: expect.any(String) },
    });
    expect(await saveMailSettingsAction({ ok: false }, input)).toMatchObject({ ok: true });
    expect(await getMailSettings()).toEqual({ billingContact: "billing@vendor.test", sender: "Vendor <billing@vendor.test>" });
    // Empty fields clear the settings back to the defaults.
    await saveMailSettingsAction({ ok: false }, form({ billingContact: " ", sender: "" }));
    expect(await getMailSettings()).toEqual({ billingContact: null, sender: null });
  });
});
