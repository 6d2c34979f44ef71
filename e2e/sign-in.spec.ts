import { expect, STAFF, test } from "./fixtures";

test("vendor staff sign in with email and password and see the demo data", async ({ page }) => {
  await page.goto("/console");
  await expect(page).toHaveURL(/\/login/);
  await page.getByLabel("Email").fill(STAFF.email);
  await page.getByLabel("Password").fill(STAFF.password);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByRole("heading", { name: "Dashboard" })).toBeVisible();
  await expect(page.getByTestId("signed-in-as")).toContainText("Admin");
  await page.screenshot({ path: "test-results/e2e/console-dashboard.png", fullPage: true });
  // The dashboard shows recent activity, which other specs push down; the demo license is in the list.
  await page.goto("/console/licenses?q=Globex");
  await expect(page.getByText("Globex Corporation").first()).toBeVisible();
});

test("a wrong password is refused with a clear message", async ({ page }) => {
  await page.goto("/login");
  await page.getByLabel("Email").fill(STAFF.email);
  await page.getByLabel("Password").fill("wrong password");
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await expect(page).toHaveURL(/\/login/);
});

test("the staffPage fixture is signed in", async ({ staffPage }) => {
  await staffPage.goto("/console");
  await expect(staffPage.getByRole("heading", { name: "Dashboard" })).toBeVisible();
});
