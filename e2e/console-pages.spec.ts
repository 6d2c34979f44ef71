import { expect, seedLicense, test, unique } from "./fixtures";

const shot = (name: string) => ({ path: `test-results/e2e/console-${name}.png`, fullPage: true });

test.use({ viewport: { width: 1280, height: 900 } });

test("every console page renders with navigation, at 1280 px", async ({ staffPage: page, api, request }) => {
  const orgName = unique("Umbrella");
  const { license, policy, product, organization } = await seedLicense(api, { seats: 3, orgName });
  await request.post("/api/v1/activations", { data: { key: license.key, fingerprint: unique("fp"), friendlyName: "Lab workstation" } });

  await page.goto("/console");
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Dashboard" })).toHaveAttribute("aria-current", "page");
  await expect(page.getByText("At or over their seat alert")).toBeVisible();
  await page.screenshot(shot("dashboard"));

  await page.getByRole("navigation", { name: "Console" }).getByRole("link", { name: "Licenses" }).click();
  await expect(page.getByRole("heading", { name: "Licenses" })).toBeVisible();
  await expect(page.getByRole("link", { name: "Licenses" })).toHaveAttribute("aria-current", "page");
  await page.screenshot(shot("licenses"));

  // Filters and sorting live in the URL.
  await page.getByLabel("Customer", { exact: true }).fill(orgName);
  await page.getByLabel("Customer", { exact: true }).press("Enter");
  await expect(page).toHaveURL(new RegExp(`customer=${orgName}`));
  await expect(page.getByTestId("table-range")).toHaveText("1–1 of 1");
  await page.getByLabel("Seat utilization").selectOption("unused");
  await expect(page).toHaveURL(/utilization=unused/);
  await expect(page.getByText("No licenses match")).toBeVisible();
  await page.getByLabel("Seat utilization").selectOption("in_use");
  await expect(page.getByTestId("table-range")).toHaveText("1–1 of 1");
  await page.getByRole("button", { name: "Clear filters" }).click();
  await page.getByRole("button", { name: /^Expires/ }).click();
  await expect(page).toHaveURL(/sort=expiresAt&dir=asc/);
  await expect(page.getByRole("columnheader", { name: /Expires/ })).toHaveAttribute("aria-sort", "ascending");

  await page.goto("/console/customers");
  await page.getByLabel("Search").fill(orgName);
  await page.getByLabel("Search").press("Enter");
  await page.getByRole("link", { name: orgName }).click();
  await expect(page.getByRole("heading", { name: orgName, exact: true })).toBeVisible();
  await expect(page.getByTestId("customer-portal-users")).toBeVisible();
  await page.screenshot(shot("customer"));
  await page.goto("/console/customers");
  await page.screenshot(shot("customers"));

  await page.goto("/console/products");
  await page.screenshot(shot("products"));
  await page.goto(`/console/products/${product.id}`);
  await expect(page.getByRole("heading", { name: product.name, exact: true })).toBeVisible();
  await page.screenshot(shot("product"));
  await page.goto(`/console/policies/${policy.id}`);
  await expect(page.getByRole("heading", { name: policy.name, exact: true })).toBeVisible();
  await expect(page.getByRole("link", { name: license.key })).toBeVisible();
  await page.screenshot(shot("policy"));

  await page.goto(`/console/events?customer=${orgName}`);
  await expect(page.getByRole("row").filter({ hasText: "license.created" })).toBeVisible();
  await page.screenshot(shot("events"));

  await page.goto("/console/settings");
  await expect(page.getByRole("link", { name: /Outbox/ })).toHaveAttribute("href", "/console/settings/outbox");
  await page.screenshot(shot("settings"));

  await page.goto("/console/licenses/does-not-exist");
  await expect(page.getByRole("heading", { name: "Not found" })).toBeVisible();
  expect(organization.id).toBeTruthy();
});

test("products and policies can be created and edited", async ({ staffPage: page }) => {
  const name = unique("Designer");
  await page.goto("/console/products");
  const form = page.getByTestId("product-form");
  await form.getByLabel("Name").fill(name);
  await form.getByLabel("Code").fill("not valid!");
  await form.getByRole("button", { name: "Create product" }).click();
  await expect(form.getByText("Use letters, digits, dot, dash or underscore")).toBeVisible();
  await form.getByLabel("Code").fill(unique("designer"));
  await form.getByRole("button", { name: "Create product" }).click();
  await expect(page.getByRole("heading", { name, exact: true })).toBeVisible();

  const policyForm = page.getByTestId("policy-form");
  await policyForm.getByLabel("Name").fill("Floating 10");
  await policyForm.getByLabel("Model").selectOption("FLOATING");
  await policyForm.getByLabel("Seats", { exact: true }).fill("10");
  await policyForm.getByLabel("Lease duration (minutes)").fill("30");
  await policyForm.getByRole("button", { name: "Create policy" }).click();
  await expect(page.getByRole("heading", { name: "Floating 10" })).toBeVisible();
  await expect(page.getByText("Floating · 10 seats · 365 days")).toBeVisible();

  const edit = page.getByTestId("policy-form");
  await edit.getByLabel("Seats", { exact: true }).fill("12");
  await edit.getByLabel("Duration (days)").fill("");
  await edit.getByRole("button", { name: "Save policy" }).click();
  await expect(edit.getByText("Policy saved.")).toBeVisible();
  await expect(page.getByText("Floating · 12 seats · perpetual")).toBeVisible();
});
