import { generate } from "otplib";
import type { Page } from "@playwright/test";
import { expect, seedLicense, STAFF, test, unique } from "./fixtures";

function watchCsp(page: Page) {
  const violations: string[] = [];
  page.on("console", (msg) => {
    if (/Content[- ]Security[- ]Policy|Refused to (execute|load|apply)/i.test(msg.text())) violations.push(msg.text());
  });
  page.on("pageerror", (error) => violations.push(`pageerror: ${error.message}`));
  return violations;
}

test("pages carry a nonce CSP and security headers, and run with no CSP violation", async ({ page }) => {
  const violations = watchCsp(page);
  const login = await page.goto("/login");
  const headers = login!.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["content-security-policy"]).not.toContain("unsafe-eval");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(headers["strict-transport-security"]).toContain("max-age=");
  expect(headers["x-frame-options"]).toBe("DENY");
  // A fresh nonce per request.
  const again = await page.request.get("/login");
  expect(again.headers()["content-security-policy"]).not.toBe(headers["content-security-policy"]);

  await page.getByLabel("Email").fill(STAFF.email);
  await page.getByLabel("Password").fill(STAFF.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  // The first sign-in of a fresh server also warms it up (argon2, first render): allow it time.
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible({ timeout: 30_000 });
  await page.goto("/console/settings/security");
  await expect(page.getByRole("heading", { name: "Security" })).toBeVisible();
  expect(violations).toEqual([]);

  const cookies = await page.context().cookies();
  const sessionCookie = cookies.find((c) => c.name.endsWith("next-auth.session-token"));
  expect(sessionCookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

  const api = await page.request.post("/api/v1/validate", { data: { key: "nope" } });
  expect(api.headers()["content-security-policy"]).toBe("default-src 'none'; frame-ancestors 'none'");
  expect(api.headers()["x-ratelimit-limit"]).toBeTruthy();
});

test("names stored with HTML and script render as text in the console", async ({ api, staffPage }) => {
  const payload = `<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>${unique("Evil")}`;
  await seedLicense(api, { orgName: payload });
  const violations = watchCsp(staffPage);
  let dialogs = 0;
  staffPage.on("dialog", (d) => {
    dialogs++;
    void d.dismiss();
  });
  await staffPage.goto("/console");
  await expect(staffPage.getByText(payload).first()).toBeVisible();
  expect(await staffPage.evaluate(() => (window as unknown as { __pwned?: number }).__pwned)).toBeUndefined();
  expect(await staffPage.locator("img[src='x']").count()).toBe(0);
  expect(dialogs).toBe(0);
  expect(violations).toEqual([]);
  await staffPage.screenshot({ path: "test-results/e2e/security-escaped-dashboard.png", fullPage: true });
});

test("staff turn on two-factor sign-in, then need a code to sign in", async ({ page, browser }) => {
  const violations = watchCsp(page);
  await page.goto("/login");
  await page.getByLabel("Email").fill(STAFF.email);
  await page.getByLabel("Password").fill(STAFF.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible({ timeout: 30_000 });
  await page.goto("/console/settings/security");
  await page.screenshot({ path: "test-results/e2e/security-settings-off.png", fullPage: true });
  await page.getByRole("button", { name: "Set up two-factor sign-in" }).click();
  const secret = (await page.getByTestId("totp-secret").textContent())!.trim();
  await expect(page.getByAltText("QR code for your authenticator app")).toBeVisible();
  await page.screenshot({ path: "test-results/e2e/security-settings-enrol.png", fullPage: true });
  await page.getByLabel("6-digit code from the app").fill("000000");
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("That code is not right")).toBeVisible();
  await page.getByLabel("6-digit code from the app").fill(await generate({ secret }));
  await page.getByRole("button", { name: "Turn on" }).click();
  await expect(page.getByText("Two-factor sign-in is on.")).toBeVisible();
  await expect(page.getByText("Every sign-in asks for a code")).toBeVisible();

  try {
    const fresh = await browser.newContext();
    const p2 = await fresh.newPage();
    await p2.goto("/login");
    await p2.getByLabel("Email").fill(STAFF.email);
    await p2.getByLabel("Password").fill(STAFF.password);
    await p2.getByRole("button", { name: "Sign in" }).click();
    const code = p2.getByLabel("Authentication code");
    await expect(code).toBeVisible();
    await p2.screenshot({ path: "test-results/e2e/security-sign-in-code.png", fullPage: true });
    await code.fill("123456");
    await p2.getByRole("button", { name: "Sign in" }).click();
    await expect(p2.getByText("That code is not right")).toBeVisible();
    await code.fill(await generate({ secret }));
    await p2.getByRole("button", { name: "Sign in" }).click();
    await expect(p2.getByRole("heading", { name: "Dashboard" })).toBeVisible();
    await fresh.close();
  } finally {
    // Leave the shared e2e account as other specs expect it.
    await page.goto("/console/settings/security");
    await page.getByLabel("6-digit code from the app").fill(await generate({ secret }));
    await page.getByRole("button", { name: "Turn off two-factor sign-in" }).click();
    await expect(page.getByText("Two-factor sign-in is off.")).toBeVisible();
  }
  expect(violations).toEqual([]);
});
