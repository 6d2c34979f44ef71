import { expect, seedLicense, signIn, STAFF, test, unique } from "./fixtures";

const PASSWORD = "license-admin-password-1";

test("a License Administrator sets the activation password in the portal; the API then refuses activations without it", async ({ page, api, request, browser }) => {
  test.setTimeout(180_000);
  // One seat plus one goodwill seat; the organization has no portal users yet.
  const { organization, license } = await seedLicense(api, { seats: 1 });
  await api.patch(`/admin/licenses/${license.id}`, { goodwillSeats: 1 });

  // The first activation with an email makes that email the License Administrator and emails a welcome link.
  const adminEmail = `${unique("boss")}@customer.test`.toLowerCase();
  const first = await request.post("/api/v1/activations", { data: { key: license.key, fingerprint: "dev-1", email: adminEmail } });
  expect(first.status()).toBe(201);
  const { users } = await api.get(`/admin/organizations/${organization.id}/users`);
  const admin = users.find((u: { email: string }) => u.email === adminEmail);
  expect(admin).toMatchObject({ role: "ORG_ADMIN" });
  const { emails } = await api.get(`/admin/organizations/${organization.id}/users/${admin.id}/emails`);
  const welcome = emails.find((e: { kind: string }) => e.kind === "admin_welcome");
  const token = /token=([^\s"&]+)/.exec(welcome.text)![1]!;

  await page.goto(`/welcome/license-admin?token=${token}`);
  await page.locator('input[name="password"]').fill(PASSWORD);
  await page.locator('input[name="confirm"]').fill(PASSWORD);
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page.getByRole("status")).toContainText("Your password is set");

  await page.goto("/login");
  await page.getByLabel("Email").fill(adminEmail);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByTestId("goodwill-zone")).toBeVisible();
  await expect(page.getByTestId("goodwill-notice")).toHaveCount(0);

  await page.getByRole("link", { name: "License settings →" }).click();
  await expect(page.getByRole("heading", { name: "License settings" })).toBeVisible();
  await expect(page.getByTestId("license-administrator")).toContainText(adminEmail);
  await expect(page.getByTestId("activation-password-state")).toHaveText("Not set");
  await page.screenshot({ path: "test-results/e2e/license-admin-settings.png", fullPage: true });

  // Validation first: too short, then a confirmation that doesn't match.
  const form = page.getByRole("form", { name: "Activation password" });
  await form.getByLabel("Activation password").fill("abc");
  await form.getByRole("button", { name: "Set password" }).click();
  await expect(form.getByText("Use at least 4 characters")).toBeVisible();
  await form.getByLabel("Activation password").fill("open-sesame");
  await form.getByLabel("Repeat the password").fill("open-sesam");
  await form.getByRole("button", { name: "Set password" }).click();
  await expect(form.getByText("The passwords don't match")).toBeVisible();
  await form.getByLabel("Repeat the password").fill("open-sesame");
  await form.getByRole("button", { name: "Set password" }).click();
  await expect(form.getByRole("status")).toContainText("Activation password saved");
  await expect(page.getByTestId("activation-password-state")).toHaveText("Set");
  await expect(page.getByText("open-sesame")).toHaveCount(0);
  await page.screenshot({ path: "test-results/e2e/license-admin-password-set.png", fullPage: true });

  // The API: a new device without the password is refused; with it, it takes the goodwill seat.
  const refused = await request.post("/api/v1/activations", { data: { key: license.key, fingerprint: "dev-2" } });
  expect([refused.status(), (await refused.json()).error.code]).toEqual([401, "INVALID_ACTIVATION_PASSWORD"]);
  const overage = await request.post("/api/v1/activations", { data: { key: license.key, fingerprint: "dev-2", activationPassword: "open-sesame" } });
  expect(overage.status()).toBe(201);
  expect((await overage.json()).overage).toBe(true);

  // The portal's seat bar shows the seat in the goodwill zone.
  await page.getByRole("link", { name: "← Licenses" }).click();
  await expect(page.getByTestId("goodwill-notice")).toContainText("1 goodwill seat in use — your vendor has been told");
  await expect(page.getByRole("meter", { name: "Seats in use" })).toHaveAttribute("aria-valuetext", /in the goodwill zone/);
  await page.screenshot({ path: "test-results/e2e/license-admin-portal-goodwill.png", fullPage: true });

  // The administrator changes their email and signs in with the new one.
  await page.getByRole("link", { name: "License settings →" }).click();
  const newEmail = `${unique("new-boss")}@customer.test`.toLowerCase();
  const emailForm = page.getByRole("form", { name: "Administrator email" });
  await emailForm.getByLabel("New email").fill("not-an-email");
  await emailForm.getByRole("button", { name: "Change email" }).click();
  await expect(emailForm.getByText("Enter a valid email address")).toBeVisible();
  await emailForm.getByLabel("New email").fill(newEmail);
  await emailForm.getByRole("button", { name: "Change email" }).click();
  await expect(emailForm.getByRole("status")).toContainText("Sign in with the new address");
  await expect(page.getByTestId("license-administrator")).toContainText(newEmail);
  await page.screenshot({ path: "test-results/e2e/license-admin-email-changed.png", fullPage: true });
  const fresh = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const again = await fresh.newPage();
  await signIn(again, newEmail, PASSWORD);
  await again.goto(`/portal/licenses/${license.id}/settings`);
  await expect(again.getByTestId("license-administrator")).toContainText("You");

  // Removing the password asks first (keyboard: Escape cancels); afterwards only the seat limit stops a device.
  await again.getByRole("button", { name: "Remove password" }).click();
  await expect(again.getByRole("dialog")).toBeVisible();
  await again.keyboard.press("Escape");
  await expect(again.getByRole("dialog")).toBeHidden();
  await again.getByRole("button", { name: "Remove password" }).click();
  await again.getByRole("dialog").getByRole("button", { name: "Remove password" }).click();
  await expect(again.getByTestId("activation-password-state")).toHaveText("Not set");
  const full = await request.post("/api/v1/activations", { data: { key: license.key, fingerprint: "dev-3" } });
  expect([full.status(), (await full.json()).error.code]).toEqual([409, "SEAT_LIMIT_REACHED"]);
  await fresh.close();

  // Vendor staff see who the License Administrator is and whether a password is set (never the password).
  const staff = await browser.newContext({ baseURL: test.info().project.use.baseURL });
  const console_ = await staff.newPage();
  await signIn(console_, STAFF.email, STAFF.password);
  await console_.goto(`/console/licenses/${license.id}`);
  await expect(console_.getByTestId("license-administrator")).toHaveText(newEmail);
  await expect(console_.getByTestId("activation-password-summary")).toHaveText("Not set");
  await console_.waitForLoadState("networkidle");
  await expect(console_.getByTestId("license-key")).toBeVisible();
  await console_.screenshot({ path: "test-results/e2e/license-admin-console.png", fullPage: true });
  await staff.close();
});
