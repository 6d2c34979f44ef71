import { expect, seedLicense, test, unique } from "./fixtures";

const shot = (name: string) => ({ path: `test-results/e2e/console-${name}.png`, fullPage: true });

test("create a license in the console and see its key", async ({ staffPage: page, api }) => {
  const { product } = await api.post("/admin/products", { name: unique("Widget Pro"), code: unique("widget") });
  const { policy } = await api.post("/admin/policies", { productId: product.id, name: "Team annual", model: "NODE_LOCKED", seats: 5, durationDays: 365 });
  const { organization } = await api.post("/admin/organizations", { name: unique("Initech") });

  await page.goto("/console/licenses/new");
  await expect(page.getByRole("heading", { name: "New license" })).toBeVisible();
  // Submitting without any seats value is fine (policy default) but a bad number is refused with a clear message.
  await page.getByLabel("Product", { exact: true }).selectOption({ label: product.name });
  await page.getByLabel("Policy", { exact: true }).selectOption({ label: policy.name });
  await page.getByLabel("Customer", { exact: true }).selectOption({ label: organization.name });
  await page.getByLabel("Seats", { exact: true }).fill("0");
  await page.getByRole("button", { name: "Create license" }).click();
  await expect(page.getByText("Seats must be at least 1")).toBeVisible();
  await page.screenshot(shot("new-license-error"));

  await page.getByLabel("Seats", { exact: true }).fill("3");
  await page.getByLabel("Seat alert threshold").fill("2");
  await page.getByRole("button", { name: "Create license" }).click();
  const key = page.getByTestId("created-key");
  await expect(key).toHaveText(/^[0-9A-Z]{5}(-[0-9A-Z]{5}){5}$/);
  const created = (await key.textContent())!;
  await page.screenshot(shot("new-license-created"));

  await page.getByRole("link", { name: "Open license" }).click();
  await expect(page.getByTestId("license-key")).toHaveText(created);
  await expect(page.getByText("0 / 3 seats")).toBeVisible();
  await expect(page.locator("dl").getByRole("link", { name: organization.name })).toBeVisible();

  // The new license is in the list, findable by its key.
  await page.goto(`/console/licenses?q=${created.slice(0, 11)}`);
  await expect(page.getByRole("link", { name: created })).toBeVisible();
  await expect(page.getByTestId("table-range")).toHaveText("1–1 of 1");
});

test("a device activates through the API, shows up on the license page and is deactivated from the console", async ({ staffPage: page, api, request }) => {
  const { license } = await seedLicense(api, { seats: 2 });
  const device = { key: license.key, fingerprint: unique("fp"), friendlyName: "Build server", hostname: "ci-runner-7", platform: "linux-x64", appVersion: "4.2.0" };
  const res = await request.post("/api/v1/activations", { data: device });
  expect(res.status()).toBe(201);

  await page.goto(`/console/licenses/${license.id}`);
  const activations = page.getByRole("table", { name: "Activations" });
  const row = activations.getByRole("row").filter({ hasText: "Build server" });
  await expect(row).toContainText("ci-runner-7");
  await expect(row).toContainText("linux-x64");
  await expect(row).toContainText("4.2.0");
  await expect(row).toContainText("Active");
  await expect(page.getByText("1 / 2 seats")).toBeVisible();
  await page.screenshot(shot("license-detail"));

  page.once("dialog", (dialog) => dialog.accept());
  await row.getByRole("button", { name: "Deactivate" }).click();
  await expect(page.getByText("No active devices")).toBeVisible();
  await expect(page.getByText("0 / 2 seats")).toBeVisible();

  await page.getByRole("link", { name: "Include deactivated" }).click();
  await expect(activations.getByRole("row").filter({ hasText: "Build server" })).toContainText("Deactivated");
  // The deactivation is in the license's event log, attributed to the staff member.
  await expect(page.getByRole("row").filter({ hasText: "activation.deactivated" })).toContainText("e2e-admin@seatwise.test");

  // The device can't validate any more: its seat is gone.
  const validate = await request.post("/api/v1/validate", { data: { key: license.key, fingerprint: device.fingerprint } });
  expect((await validate.json()).valid).not.toBe(true);
});

test("changing the seat count; a downgrade below usage blocks new activations and says so", async ({ staffPage: page, api, request }) => {
  const { license } = await seedLicense(api, { seats: 3 });
  for (const fp of ["a", "b"]) {
    expect((await request.post("/api/v1/activations", { data: { key: license.key, fingerprint: unique(fp) } })).status()).toBe(201);
  }
  await page.goto(`/console/licenses/${license.id}`);
  const form = page.getByTestId("seats-form");
  await form.getByLabel("Seats").fill("1");
  await form.getByRole("button", { name: "Change seats" }).click();
  await expect(form.getByText("New activations are blocked until usage drops below 1")).toBeVisible();
  await expect(page.getByTestId("over-limit-notice")).toContainText("2 seats are in use but the limit is 1");
  await expect(page.getByText("2 / 1 seats")).toBeVisible();
  await page.screenshot(shot("license-over-limit"));

  const refused = await request.post("/api/v1/activations", { data: { key: license.key, fingerprint: unique("c") } });
  expect(refused.status()).toBe(409);
  expect((await refused.json()).error.code).toBe("SEAT_LIMIT_REACHED");

  await form.getByLabel("Seats").fill("5");
  await form.getByRole("button", { name: "Change seats" }).click();
  await expect(form.getByText("Seat limit is now 5.")).toBeVisible();
  await expect(page.getByTestId("over-limit-notice")).toHaveCount(0);
  await expect(page.getByText("2 / 5 seats")).toBeVisible();
  expect((await request.post("/api/v1/activations", { data: { key: license.key, fingerprint: unique("d") } })).status()).toBe(201);

  // Suspend and reinstate from the header.
  page.once("dialog", (dialog) => dialog.accept());
  await page.getByRole("button", { name: "Suspend" }).click();
  await expect(page.getByRole("button", { name: "Reinstate" })).toBeVisible();
  await page.getByRole("button", { name: "Reinstate" }).click();
  await expect(page.getByRole("button", { name: "Suspend" })).toBeVisible();
});
