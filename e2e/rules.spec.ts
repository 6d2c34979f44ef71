import { expect, seedLicense, test } from "./fixtures";

test("goodwill seats set on the policy form let an activation past the limit through as overage", async ({ api, staffPage: page, request }) => {
  const { policy, license } = await seedLicense(api, { seats: 1 });

  await page.goto(`/console/policies/${policy.id}`);
  const form = page.getByTestId("policy-form");
  // Validation first: an evaluation policy needs its days.
  await form.getByLabel("Kind").selectOption("EVALUATION");
  await form.getByRole("button", { name: "Save policy" }).click();
  await expect(form.getByText("An evaluation policy needs its number of days")).toBeVisible();
  await form.getByLabel("Kind").selectOption("STANDARD");
  await form.getByLabel("Goodwill seats").fill("1");
  await form.getByLabel("Entitlements").fill("export-pdf, cloud-sync");
  await form.getByRole("button", { name: "Save policy" }).click();
  await expect(form.getByRole("status")).toContainText("Policy saved");
  await page.screenshot({ path: "test-results/e2e/rules-policy-form.png", fullPage: true });

  const first = await request.post("/api/v1/activations", { data: { key: license.key, fingerprint: "dev-1" } });
  expect(first.status()).toBe(201);
  const second = await request.post("/api/v1/activations", { data: { key: license.key, fingerprint: "dev-2" } });
  expect(second.status()).toBe(201);
  expect((await second.json()).overage).toBe(true);
  const third = await request.post("/api/v1/activations", { data: { key: license.key, fingerprint: "dev-3" } });
  expect([third.status(), (await third.json()).error.code]).toEqual([409, "SEAT_LIMIT_REACHED"]);
  const validate = await request.post("/api/v1/validate", { data: { key: license.key, fingerprint: "dev-1", entitlements: ["export-pdf", "ai"] } });
  expect(await validate.json()).toMatchObject({ code: "ENTITLEMENTS_MISSING", missingEntitlements: ["ai"] });

  await page.goto(`/console/licenses/${license.id}`);
  await expect(page.getByTestId("goodwill-notice")).toContainText("1 of 1 goodwill seats in use");
  await page.screenshot({ path: "test-results/e2e/rules-license-goodwill.png", fullPage: true });
});

test("license overrides, activation password and token keys set in the console take effect in the API", async ({ api, staffPage: page, request }) => {
  const { license } = await seedLicense(api, { seats: 2 });
  await page.goto(`/console/licenses/${license.id}`);

  const rules = page.getByTestId("license-rules-form");
  await rules.getByLabel("Check-in interval (days)").fill("0");
  await rules.getByRole("button", { name: "Save rules" }).click();
  await expect(rules.getByText("Check-in interval must be at least 1")).toBeVisible();
  await rules.getByLabel("Check-in interval (days)").fill("");
  await rules.getByLabel("Extra entitlements").fill("ai");
  await rules.getByRole("button", { name: "Save rules" }).click();
  await expect(rules.getByRole("status")).toContainText("Rules saved");

  const pw = page.getByTestId("activation-password-form");
  await pw.getByLabel("New activation password").fill("open-sesame");
  await pw.getByRole("button", { name: "Set password" }).click();
  await expect(pw.getByRole("status")).toContainText("Activation password set");

  await page.getByTestId("issue-token-keys").getByRole("button", { name: "Issue 2 token keys" }).click();
  await expect(page.getByTestId("token-keys").locator("tbody tr")).toHaveCount(2);
  const tokenKey = (await page.getByTestId("token-keys").locator("tbody tr").first().locator("code").textContent())!.trim();
  await page.screenshot({ path: "test-results/e2e/rules-license-overrides.png", fullPage: true });

  const noPassword = await request.post("/api/v1/activations", { data: { key: tokenKey, fingerprint: "pc-1" } });
  expect([noPassword.status(), (await noPassword.json()).error.code]).toEqual([401, "INVALID_ACTIVATION_PASSWORD"]);
  const ok = await request.post("/api/v1/activations", { data: { key: tokenKey, fingerprint: "pc-1", activationPassword: "open-sesame" } });
  expect(ok.status()).toBe(201);
  const reused = await request.post("/api/v1/activations", { data: { key: tokenKey, fingerprint: "pc-2", activationPassword: "open-sesame" } });
  expect((await reused.json()).error.code).toBe("TOKEN_ALREADY_USED");
  const valid = await request.post("/api/v1/validate", { data: { key: tokenKey, fingerprint: "pc-1", entitlements: ["ai"] } });
  expect((await valid.json()).code).toBe("VALID");

  await page.reload();
  await expect(page.getByTestId("token-keys").locator("tbody tr").first()).toContainText("pc-1");
});
