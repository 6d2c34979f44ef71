import { expect, seedLicense, test, unique } from "./fixtures";

const OLD_PASSWORD = "forgotten-password-1";
const NEW_PASSWORD = "remembered-password-2";

test("a portal user who forgot their password gets a link by email, sets a new one and signs in; the link works once", async ({ page, api }) => {
  test.setTimeout(120_000);
  const { organization } = await seedLicense(api, { seats: 2 });
  const email = `${unique("forgetful")}@customer.test`.toLowerCase();
  const { user } = await api.post(`/admin/organizations/${organization.id}/users`, { email, name: "Frank Forgetful", role: "MEMBER", password: OLD_PASSWORD });

  // From the sign-in page to the request form.
  await page.goto("/login");
  await page.getByRole("link", { name: "Forgot your password?" }).click();
  await expect(page).toHaveURL(/\/forgot-password$/);
  await expect(page.getByRole("heading", { name: "Reset your password" })).toBeVisible();
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await page.screenshot({ path: "test-results/e2e/password-reset-request.png", fullPage: true });

  // An address nobody has gets the very same answer.
  const nobody = `${unique("nobody")}@customer.test`.toLowerCase();
  await page.getByLabel("Email").fill(nobody);
  await page.getByRole("button", { name: "Send reset link" }).click();
  const sent = (address: string) => `If an account exists for ${address}, we sent it a link to choose a new password. The link works for one hour.`;
  await expect(page.getByRole("status")).toContainText(sent(nobody));

  await page.goto("/forgot-password");
  await page.getByLabel("Email").fill(email);
  await page.getByRole("button", { name: "Send reset link" }).click();
  await expect(page.getByRole("status")).toContainText(sent(email));
  await page.screenshot({ path: "test-results/e2e/password-reset-sent.png", fullPage: true });

  // The email, read through the admin API as vendor support would.
  const { emails } = await api.get(`/admin/organizations/${organization.id}/users/${user.id}/emails`);
  const reset = emails.find((e: { kind: string }) => e.kind === "password_reset");
  expect(reset?.subject).toBe("Reset your Seatwise password");
  const link = /https?:\/\/\S+\/reset-password\?token=\S+/.exec(reset.text)?.[0];
  expect(link).toBeTruthy();

  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "Choose a new password" })).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.getByLabel("New password").fill("short");
  await page.getByLabel("Repeat password").fill("short");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("Use at least 10 characters")).toBeVisible();
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByLabel("Repeat password").fill("something else");
  await page.getByRole("button", { name: "Set new password" }).click();
  await expect(page.getByText("The passwords don't match")).toBeVisible();
  await page.screenshot({ path: "test-results/e2e/password-reset-form.png", fullPage: true });
  await page.getByLabel("New password").fill(NEW_PASSWORD);
  await page.getByLabel("Repeat password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Set new password" }).click();

  // Back on the sign-in page with the email filled in: the new password works, the old one doesn't.
  await expect(page).toHaveURL(/\/login\?reset=1/);
  await expect(page.getByText("Your password was changed. Sign in with your new password.")).toBeVisible();
  await expect(page.getByLabel("Email")).toHaveValue(email);
  await page.screenshot({ path: "test-results/e2e/password-reset-done.png", fullPage: true });
  await page.getByLabel("Password").fill(OLD_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Wrong email or password.")).toBeVisible();
  await page.getByLabel("Password").fill(NEW_PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/portal$/);

  // The link is single use.
  await page.goto(link!);
  await expect(page.getByRole("heading", { name: "This link can't be used" })).toBeVisible();
  await expect(page.getByText("This reset link was already used")).toBeVisible();
  await expect(page.getByRole("link", { name: "Ask for a new link" })).toHaveAttribute("href", "/forgot-password");
  await page.screenshot({ path: "test-results/e2e/password-reset-used.png", fullPage: true });
});
