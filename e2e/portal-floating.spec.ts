import { expect, seedLicense, signIn, test, unique, type TAdminApi } from "./fixtures";

const PASSWORD = "portal-password-123";

async function orgUser(api: TAdminApi, organizationId: string, role: "ORG_ADMIN" | "MEMBER", canDeactivateSeats: boolean) {
  const email = `${unique(role === "MEMBER" ? "member" : "admin")}@customer.test`.toLowerCase();
  await api.post(`/admin/organizations/${organizationId}/users`, { email, name: `${role} user`, role, canManageUsers: false, canDeactivateSeats, password: PASSWORD });
  return email;
}

test("an org admin sees a lease in the portal, revokes it, and reads the concurrency report", async ({ page, api, request }) => {
  const { organization, license } = await seedLicense(api, { model: "FLOATING", seats: 1 });
  const adminEmail = await orgUser(api, organization.id, "ORG_ADMIN", true);
  const fingerprint = unique("fp");
  const checkout = await request.post("/api/v1/activations", { data: { key: license.key, fingerprint, friendlyName: "Render node 7", platform: "linux", appVersion: "3.1.0" } });
  expect(checkout.status()).toBe(201);
  expect((await request.post("/api/v1/activations", { data: { key: license.key, fingerprint: unique("other") } })).status()).toBe(409);

  await signIn(page, adminEmail, PASSWORD);
  await page.goto("/portal");
  await expect(page.getByRole("link", { name: "Concurrency report" })).toBeVisible();
  await page.screenshot({ path: "test-results/e2e/portal-floating-card.png", fullPage: true });
  await page.getByRole("link", { name: "Leases", exact: true }).click();
  await expect(page).toHaveURL(new RegExp(`/portal/licenses/${license.id}/leases$`));
  await expect(page.getByRole("heading", { name: "Leases", exact: true })).toBeVisible();
  const row = page.locator(`[data-testid="lease-row"][data-fingerprint="${fingerprint}"]`);
  await expect(row).toContainText("Render node 7");
  await expect(row.getByTestId("lease-time-left")).toHaveText(/^(59m|1h 00m)/);
  await expect(page.getByText("1 / 1", { exact: true })).toBeVisible();
  await page.screenshot({ path: "test-results/e2e/portal-floating-leases.png", fullPage: true });

  await row.getByRole("button", { name: /Revoke lease of Render node 7/ }).click();
  await row.getByRole("button", { name: /Confirm: revoke/ }).click();
  await expect(row).toHaveCount(0);
  await expect(page.getByTestId("leases-empty")).toBeVisible();
  await page.screenshot({ path: "test-results/e2e/portal-floating-leases-empty.png", fullPage: true });
  // The seat is free: the app learns it on its next heartbeat, another device checks out.
  expect((await request.post("/api/v1/heartbeats", { data: { key: license.key, fingerprint } })).status()).toBe(403);
  expect((await request.post("/api/v1/activations", { data: { key: license.key, fingerprint: unique("next") } })).status()).toBe(201);

  await page.getByRole("link", { name: "Concurrency", exact: true }).click();
  await expect(page.getByRole("heading", { name: "Concurrency", exact: true })).toBeVisible();
  await expect(page.getByText("Refused checkouts").first()).toBeVisible();
  await expect(page.locator(".recharts-line").first()).toBeVisible();
  await page.getByRole("link", { name: "24 hours" }).click();
  await expect(page.getByRole("link", { name: "24 hours" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByTestId("busiest-table")).toBeVisible();
  await page.screenshot({ path: "test-results/e2e/portal-floating-concurrency.png", fullPage: true });

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe(`concurrency-${license.id}-24h-per-hour.csv`);
  const lines = (await page.request.get(`/portal/licenses/${license.id}/concurrency/export?range=24h&bucket=hour`).then((r) => r.text())).trim().split("\r\n");
  expect(lines[0]).toBe("bucket_start_utc,peak_leases,average_leases,refused_checkouts,seat_limit");
  expect(lines).toHaveLength(25);
  expect(lines.slice(1).reduce((sum, line) => sum + Number(line.split(",")[3]), 0)).toBe(1);
});

test("admins without canDeactivateSeats see leases without Revoke; members and other organizations get 404", async ({ browser, api, request }) => {
  const { organization, license } = await seedLicense(api, { model: "FLOATING", seats: 2 });
  const other = await seedLicense(api, { model: "FLOATING" });
  const fingerprint = unique("fp");
  expect((await request.post("/api/v1/activations", { data: { key: license.key, fingerprint, friendlyName: "Kiosk" } })).status()).toBe(201);
  const as = async (email: string) => {
    const page = await (await browser.newContext()).newPage();
    await signIn(page, email, PASSWORD);
    return page;
  };

  const viewer = await as(await orgUser(api, organization.id, "ORG_ADMIN", false));
  await viewer.goto(`/portal/licenses/${license.id}/leases`);
  await expect(viewer.locator(`[data-testid="lease-row"][data-fingerprint="${fingerprint}"]`)).toBeVisible();
  await expect(viewer.getByRole("button", { name: /Revoke/ })).toHaveCount(0);
  await expect(viewer.getByTestId("revoke-needs-permission")).toBeVisible();
  await viewer.screenshot({ path: "test-results/e2e/portal-floating-viewer.png", fullPage: true });

  const member = await as(await orgUser(api, organization.id, "MEMBER", false));
  await member.goto("/portal");
  await expect(member.getByRole("link", { name: "Leases", exact: true })).toHaveCount(0);
  for (const path of [`/portal/licenses/${license.id}/leases`, `/portal/licenses/${license.id}/concurrency`]) {
    expect((await member.goto(path))?.status()).toBe(404);
  }
  expect((await member.request.get(`/portal/licenses/${license.id}/concurrency/export`)).status()).toBe(404);

  const stranger = await as(await orgUser(api, other.organization.id, "ORG_ADMIN", true));
  expect((await stranger.goto(`/portal/licenses/${license.id}/leases`))?.status()).toBe(404);
  expect((await stranger.goto(`/portal/licenses/${license.id}/concurrency`))?.status()).toBe(404);
  expect((await stranger.request.get(`/portal/licenses/${license.id}/concurrency/export`)).status()).toBe(404);
  expect((await request.get(`/portal/licenses/${license.id}/concurrency/export`)).status()).toBe(401);
});
