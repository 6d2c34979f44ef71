import { expect, seedLicense, signIn, test, unique } from "./fixtures";

const shot = (name: string) => ({ path: `test-results/e2e/console-${name}.png`, fullPage: true });

test("read-only staff see everything but no edit controls", async ({ staffPage: page, api, request }) => {
  const { license } = await seedLicense(api, { seats: 4 });
  expect((await request.post("/api/v1/activations", { data: { key: license.key, fingerprint: unique("fp"), friendlyName: "Reception PC" } })).status()).toBe(201);

  // An admin adds a read-only member through Settings → Staff members.
  const email = `${unique("viewer")}@seatwise.test`;
  const password = "viewer-password-123";
  await page.goto("/console/settings/staff");
  const form = page.getByTestId("add-staff-form");
  await form.getByLabel("Name").fill("Vera Viewer");
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("Initial password").fill("short");
  await form.getByRole("button", { name: "Add staff member" }).click();
  await expect(form.getByText("At least 12 characters")).toBeVisible();
  await form.getByLabel("Initial password").fill(password);
  await form.getByRole("button", { name: "Add staff member" }).click();
  await expect(form.getByText(`${email} can now sign in`)).toBeVisible();
  await expect(page.getByRole("row").filter({ hasText: email })).toContainText("Read only");
  await page.screenshot(shot("settings-staff"));

  await page.context().clearCookies();
  await signIn(page, email, password);
  await page.goto(`/console/licenses/${license.id}`);
  await expect(page.getByTestId("read-only-notice")).toBeVisible();
  await expect(page.getByTestId("license-key")).toHaveText(license.key);
  await expect(page.getByRole("table", { name: "Activations" }).getByRole("row").filter({ hasText: "Reception PC" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Deactivate" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Suspend" })).toHaveCount(0);
  await expect(page.getByRole("button", { name: /Change seats|Save expiry|Save details/ })).toHaveCount(0);
  await page.screenshot(shot("license-read-only"));

  await page.goto("/console/licenses");
  await expect(page.getByRole("link", { name: "New license" })).toHaveCount(0);
  await page.goto("/console/licenses/new");
  await expect(page).toHaveURL(/\/console\/licenses$/);
  await page.goto("/console/settings/tokens");
  await expect(page.getByRole("button", { name: "Create token" })).toHaveCount(0);
  await page.goto("/console/settings/staff");
  await expect(page.getByRole("button", { name: /Make admin|Disable/ })).toHaveCount(0);
  await page.goto("/console/products");
  await expect(page.getByRole("button", { name: "Create product" })).toHaveCount(0);
});

test("API tokens: create shows the token once, it works, and revoking it stops it", async ({ staffPage: page, request }) => {
  await page.goto("/console/settings/tokens");
  const name = unique("billing-sync");
  await page.getByLabel("Name").fill(name);
  await page.getByRole("button", { name: "Create token" }).click();
  const token = (await page.getByTestId("new-token").textContent())!;
  expect(token).toMatch(/^sw_admin_/);
  await page.screenshot(shot("settings-tokens"));

  const auth = { authorization: `Bearer ${token}` };
  expect((await request.get("/api/v1/admin/licenses", { headers: auth })).status()).toBe(200);

  await page.reload();
  await expect(page.getByTestId("new-token")).toHaveCount(0);
  const row = page.getByRole("row").filter({ hasText: name });
  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "Revoke" }).click();
  await expect(row).toContainText("Revoked");
  expect((await request.get("/api/v1/admin/licenses", { headers: auth })).status()).toBe(401);
});
