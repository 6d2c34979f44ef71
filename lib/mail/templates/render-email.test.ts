import { describe, expect, it } from "vitest";
import { EMAIL_KINDS, renderEmail } from "./render-email";
import { SAMPLE_EMAIL_DATA } from "./sample-data";

describe("renderEmail", () => {
  it.each(EMAIL_KINDS)("renders %s with a subject, an html part and a readable plain-text part", async (kind) => {
    const email = await renderEmail(kind, SAMPLE_EMAIL_DATA[kind] as never);
    expect(email.subject.length).toBeGreaterThan(10);
    expect(email.html).toMatch(/^<!DOCTYPE html/);
    expect(email.html).toContain("Seatwise");
    expect(email.text).not.toMatch(/<[a-z][^>]*>/i);
    expect(email.text.length).toBeGreaterThan(80);
  });

  it("puts the facts in both parts and escapes what customers typed", async () => {
    const email = await renderEmail("license_expiring", {
      ...SAMPLE_EMAIL_DATA.license_expiring,
      customer: `<script>alert("x")</script> & Co`,
      daysLeft: 7,
      expiresAt: "2026-12-01T00:00:00.000Z",
    });
    expect(email.subject).toBe("Your CAD Studio Pro license expires in 7 days");
    expect(email.html).not.toContain("<script>");
    expect(email.html).toContain("&lt;script&gt;");
    expect(email.text).toContain("1 December 2026");
    expect(email.text).toContain("SW-7KQ2-M9XD-4TPA-88LC");
    expect(email.html).toContain("1 December 2026");
  });
});

describe("account and notice templates", () => {
  const hostile = `<img src=x onerror="alert(1)"> & "Co"`;

  it("invitation: the accept link in both parts, the inviter's input escaped", async () => {
    const email = await renderEmail("invitation", { ...SAMPLE_EMAIL_DATA.invitation, organizationName: hostile, name: hostile, acceptUrl: "https://licenses.example.com/invite/sw_link_abc" });
    expect(email.subject).toBe(`You're invited to ${hostile} on Seatwise`);
    expect(email.html).toContain('href="https://licenses.example.com/invite/sw_link_abc"');
    expect(email.text).toMatch(/https:\/\/licenses\.example\.com\/invite\/sw_link_abc\n/);
    expect(email.html).not.toContain("<img src=x");
    expect(email.html).toContain("&lt;img src=x");
  });

  it("License Administrator welcome: the set-up link with its query string, products listed", async () => {
    const setupUrl = "https://licenses.example.com/welcome/license-admin?token=sw_link_x&source=mail";
    const email = await renderEmail("admin_welcome", { ...SAMPLE_EMAIL_DATA.admin_welcome, setupUrl, organizationName: hostile });
    expect(email.html).toContain('href="https://licenses.example.com/welcome/license-admin?token=sw_link_x&amp;source=mail"');
    expect(email.text).toContain(setupUrl);
    expect(email.text).toContain("CAD Studio Pro");
    expect(email.html).not.toContain("<img src=x");
  });

  it("administrator email changed: both addresses and the time, no link to follow", async () => {
    const email = await renderEmail("admin_email_changed", {
      ...SAMPLE_EMAIL_DATA.admin_email_changed,
      newEmail: `"><script>x</script>@evil.test`,
      changedAt: "2026-11-22T13:05:00.000Z",
    });
    expect(email.text).toContain("from sam@acme.example to \"><script>x</script>@evil.test");
    expect(email.text).toContain("22 November 2026");
    expect(email.html).not.toContain("<script>");
    expect(email.html).not.toMatch(/<a /);
  });

  it("lease denials and goodwill: the facts and the console link in both parts", async () => {
    const denials = await renderEmail("lease_denials", { ...SAMPLE_EMAIL_DATA.lease_denials, customer: hostile, day: "2026-11-22T00:00:00.000Z", denials: 12, threshold: 10 });
    expect(denials.subject).toBe(`${hostile}: 12 floating seat requests refused today`);
    expect(denials.text).toContain("12 (threshold 10)");
    expect(denials.text).toContain("22 November 2026");
    expect(denials.text).toContain(SAMPLE_EMAIL_DATA.lease_denials.consoleUrl);
    expect(denials.html).not.toContain("<img src=x");
    const goodwill = await renderEmail("goodwill_in_use", SAMPLE_EMAIL_DATA.goodwill_in_use);
    expect(goodwill.text).toContain("52 (limit 50 + 5 goodwill)");
    expect(goodwill.html).toContain(`href="${SAMPLE_EMAIL_DATA.goodwill_in_use.consoleUrl}"`);
  });
});
