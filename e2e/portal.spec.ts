import { expect, seedLicense, test, unique } from "./fixtures";

const PASSWORD = "portal-password-123";

async function seedCustomer(api: Parameters<typeof seedLicense>[0], request: import("@playwright/test").APIRequestContext) {
  const seeded = await seedLicense(api, { seats: 5 });
  const adminEmail = `${unique("admin")}@customer.test`.toLowerCase();
  await api.post(`/admin/organizations/${seeded.organization.id}/users`, {
    email: adminEmail,
    name: "Olivia Admin",
    role: "ORG_ADMIN",
    canManageUsers: true,
    canDeactivateSeats: true,
    password: PASSWORD,
  });
  for (const [fingerprint, friendlyName, hostname] of [
    ["fp-reception", "Reception PC", "recep-01"],
    ["fp-lab", "Lab workstation", "lab-07"],
    ["fp-old", "Old laptop", "lt-2019"],
  ]) {
    const res = await request.post("/api/v1/activations", { data: { key: seeded.license.key, fingerprint, friendlyName, hostname, platform: "win32" } });
    expect(res.status()).toBe(201);
  }
  return { ...seeded, adminEmail };
}

test("an org admin frees a seat, invites a user, who sets a password and activates with a user token", async ({ page, api, request, browser }) => {
  test.setTimeout(180_000);
  const { organization, license, adminEmail } = await seedCustomer(api, request);

  // Sign in through the same page staff use; org users land in the portal.
  await page.goto("/login");
  await page.getByLabel("Email").fill(adminEmail);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/portal$/);
  await expect(page.getByRole("heading", { name: "Licenses" })).toBeVisible();
  await expect(page.getByTestId("seats-used")).toContainText("3");
  await page.screenshot({ path: "test-results/e2e/portal-licenses.png", fullPage: true });

  // Org users never reach the console.
  await page.goto("/console");
  await expect(page).toHaveURL(/\/portal$/);

  // Find a seat by friendly name and deactivate it.
  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Activations" }).click();
  await expect(page.getByRole("heading", { name: "Activations" })).toBeVisible();
  await expect(page.getByRole("row")).toHaveCount(4);
  await page.getByLabel("Search").fill("reception");
  await page.getByRole("button", { name: "Apply" }).click();
  await expect(page).toHaveURL(/q=reception/);
  await expect(page.getByRole("row")).toHaveCount(2);
  await page.screenshot({ path: "test-results/e2e/portal-activations-search.png", fullPage: true });
  await page.getByRole("button", { name: "Deactivate Reception PC" }).click();
  await expect(page.getByRole("dialog")).toBeVisible();
  await page.screenshot({ path: "test-results/e2e/portal-activations-confirm.png" });
  await page.getByRole("button", { name: "Deactivate seat" }).click();
  await expect(page.getByText("1 seat freed.")).toBeVisible();
  await expect(page.getByText("No seats match these filters")).toBeVisible();
  await page.goto("/portal/activations");
  await expect(page.getByRole("row")).toHaveCount(3);
  await page.screenshot({ path: "test-results/e2e/portal-activations.png", fullPage: true });

  // Invite a user.
  const memberEmail = `${unique("member")}@customer.test`.toLowerCase();
  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Users" }).click();
  await expect(page.getByRole("heading", { name: "Users", exact: true })).toBeVisible();
  await page.getByLabel("Email").fill(memberEmail);
  await page.getByLabel("Name").fill("Max Member");
  await page.getByRole("button", { name: "Send invitation" }).click();
  await expect(page.getByText(`Invitation sent to ${memberEmail}.`)).toBeVisible();
  await expect(page.getByText(memberEmail, { exact: true })).toBeVisible();

  // CSV import with a per-row report.
  await page.getByLabel("…or paste CSV").fill(`email,name,role\n${unique("csv")}@customer.test,Carla Csv,member\nnot-an-email,Broken Row,member\n${memberEmail},Dup,member`);
  await page.getByRole("button", { name: "Import users" }).click();
  const report = page.getByRole("status", { name: "Import report" });
  await expect(report).toContainText("1 created · 1 skipped · 1 failed");
  await page.screenshot({ path: "test-results/e2e/portal-users.png", fullPage: true });

  // Usage report.
  await page.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "Usage" }).click();
  await expect(page.getByRole("heading", { name: "Usage" })).toBeVisible();
  await expect(page.locator(".recharts-surface").first()).toBeVisible();
  const csv = await page.request.get("/portal/usage/export?report=periods");
  expect(csv.headers()["content-type"]).toContain("text/csv");
  expect(await csv.text()).toContain("seats_consumed");
  await page.screenshot({ path: "test-results/e2e/portal-usage.png", fullPage: true });

  // The invitation email (read through the admin API, as vendor support would).
  const { users } = await api.get(`/admin/organizations/${organization.id}/users?q=${encodeURIComponent(memberEmail)}`);
  expect(users).toHaveLength(1);
  const { emails } = await api.get(`/admin/organizations/${organization.id}/users/${users[0].id}/emails`);
  const link = /https?:\/\/\S+\/invite\/\S+/.exec(emails[0].text)?.[0];
  expect(link).toBeTruthy();

  // The invitee sets a password in a fresh browser.
  const context = await browser.newContext();
  const invitee = await context.newPage();
  await invitee.goto(link!);
  await expect(invitee.getByRole("heading", { name: `Join ${organization.name}` })).toBeVisible();
  await invitee.getByLabel("New password").fill(PASSWORD);
  await invitee.getByLabel("Repeat password").fill("something else");
  await invitee.getByRole("button", { name: "Set password" }).click();
  await expect(invitee.getByText("The passwords don't match")).toBeVisible();
  await invitee.screenshot({ path: "test-results/e2e/portal-invite.png", fullPage: true });
  await invitee.getByLabel("Repeat password").fill(PASSWORD);
  await invitee.getByRole("button", { name: "Set password" }).click();
  await expect(invitee).toHaveURL(/\/login\?accepted=1/);
  await expect(invitee.getByText("Your password is set.")).toBeVisible();

  // The link works once.
  await invitee.goto(link!);
  await expect(invitee.getByText("The invitation link is invalid, was already used or has expired.")).toBeVisible();

  // The app signs the user in and activates without a key.
  const tokenRes = await request.post("/api/v1/auth/token", { data: { email: memberEmail, password: PASSWORD } });
  expect(tokenRes.status()).toBe(201);
  const { token } = await tokenRes.json();
  const headers = { authorization: `Bearer ${token}` };
  const mine = await (await request.get("/api/v1/me/licenses", { headers })).json();
  expect(mine.licenses.map((l: { id: string }) => l.id)).toEqual([license.id]);
  const activation = await request.post("/api/v1/activations", { headers, data: { licenseId: license.id, fingerprint: "fp-max", friendlyName: "Max's PC" } });
  expect(activation.status()).toBe(201);
  expect((await activation.json()).activation.userId).toBe(users[0].id);

  // The member signs in to the portal: only their own seat, no admin pages.
  await invitee.goto("/login");
  await invitee.getByLabel("Email").fill(memberEmail);
  await invitee.getByLabel("Password").fill(PASSWORD);
  await invitee.getByRole("button", { name: "Sign in" }).click();
  await expect(invitee).toHaveURL(/\/portal$/);
  await invitee.getByRole("navigation", { name: "Portal" }).getByRole("link", { name: "My devices" }).click();
  await expect(invitee.getByRole("row")).toHaveCount(2);
  await expect(invitee.getByText("Max's PC")).toBeVisible();
  await invitee.screenshot({ path: "test-results/e2e/portal-member-devices.png", fullPage: true });
  const users404 = await invitee.goto("/portal/users");
  expect(users404?.status()).toBe(404);
  await invitee.goto("/portal/activations");
  await invitee.getByRole("button", { name: "Deactivate Max's PC" }).click();
  await invitee.getByRole("button", { name: "Deactivate seat" }).click();
  await expect(invitee.getByText("1 seat freed.")).toBeVisible();
  await context.close();
});

test("vendor staff see a customer's users and create an org-admin invitation link", async ({ staffPage, api, request, browser }) => {
  const { organization, adminEmail } = await seedCustomer(api, request);
  await staffPage.goto(`/console/customers/${organization.id}`);
  await expect(staffPage.getByTestId("customer-admins")).toContainText(adminEmail);
  await staffPage.getByLabel("Can manage users").uncheck();
  await staffPage.getByRole("button", { name: "Create link" }).click();
  const url = await staffPage.getByLabel("Invitation link").inputValue();
  expect(url).toContain("/invite/sw_link_");
  await expect(staffPage.getByTestId("customer-invitations")).toContainText("Admin link");
  await staffPage.screenshot({ path: "test-results/e2e/console-customer-users.png", fullPage: true });

  // The recipient signs up as an admin who can deactivate seats but not manage users.
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(url);
  const email = `${unique("newadmin")}@customer.test`.toLowerCase();
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Your name").fill("Nina New");
  await page.getByLabel("New password").fill(PASSWORD);
  await page.getByLabel("Repeat password").fill(PASSWORD);
  await page.screenshot({ path: "test-results/e2e/portal-admin-link.png", fullPage: true });
  await page.getByRole("button", { name: "Set password" }).click();
  await expect(page).toHaveURL(/accepted=1/);
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(PASSWORD);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page).toHaveURL(/\/portal$/);
  await page.goto("/portal/users");
  await expect(page.getByText("You can see the users")).toBeVisible();
  await expect(page.getByRole("button", { name: "Send invitation" })).toHaveCount(0);
  await context.close();
});
