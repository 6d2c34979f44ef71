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
