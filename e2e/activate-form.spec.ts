import { readFile } from "node:fs/promises";
import { verifyLicenseFile } from "../lib/license-files/verify-license-file";
import { verifyResponseSignature } from "../lib/signing/response-signature";
import { expect, seedLicense, test, unique } from "./fixtures";

type TKeys = { keyId: string; publicKey: string; keys: { keyId: string; publicKey: string; active: boolean }[] };

test("a customer activates an offline machine with the public form and the downloaded file verifies", async ({ page, api, request }) => {
  const { license, product } = await seedLicense(api, { seats: 1 });
  await page.goto("/activate");
  await expect(page.getByRole("heading", { name: "Activate a machine without internet access" })).toBeVisible();
  await page.screenshot({ path: "test-results/e2e/activate-form-empty.png", fullPage: true });

  // Client-side validation first: nothing is sent without a key and a machine code.
  await page.getByRole("button", { name: "Activate and download license file" }).click();
  await expect(page.getByText("Enter the license key")).toBeVisible();
  await expect(page.getByText("Enter the machine code shown by the app")).toBeVisible();

  const machineCode = unique("LAB-PC");
  await page.getByLabel("License key").fill(license.key);
  await page.getByLabel("Machine code").fill(machineCode);
  await page.getByLabel("Machine name (optional)").fill("Lab PC 3");
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Activate and download license file" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`${machineCode}.lic`);
  await expect(page.getByTestId("activation-success")).toContainText("Machine activated.");
  await page.screenshot({ path: "test-results/e2e/activate-form-success.png", fullPage: true });

  // Verify with only what a client app has: the public keys served by the server.
  const keysRes = await request.get("/api/v1/public-key");
  const keysText = await keysRes.text();
  const keys = JSON.parse(keysText) as TKeys;
  const keyMap = Object.fromEntries(keys.keys.map((k) => [k.keyId, k.publicKey]));
  expect(verifyResponseSignature({ date: keysRes.headers()["date"] ?? null, signatureHeader: keysRes.headers()["seatwise-signature"] ?? null, body: keysText }, keyMap)).toBe(true);
  const file = await readFile(await download.path());
  const result = verifyLicenseFile(file, { publicKeys: keys.publicKey, fingerprint: machineCode, product: product.code });
  expect(result).toMatchObject({ valid: true, payload: { licenseId: license.id, fingerprint: machineCode, seats: 1 } });
  const tampered = Buffer.from(file);
  tampered[60] = tampered[60] === 65 ? 66 : 65;
  expect(verifyLicenseFile(tampered, { publicKeys: keys.publicKey }).valid).toBe(false);

  // The seat shows up for the vendor.
  const { activations } = await api.get(`/admin/licenses/${license.id}/activations`);
  expect(activations).toEqual([expect.objectContaining({ fingerprint: machineCode, friendlyName: "Lab PC 3" })]);

  // Another machine on the same license: the single seat is taken, the form says so and what to do.
  await page.getByRole("button", { name: "Activate another machine" }).click();
  await expect(page.getByLabel("License key")).toHaveValue(license.key);
  await page.getByLabel("Machine code").fill(unique("OTHER-PC"));
  await page.getByRole("button", { name: "Activate and download license file" }).click();
  await expect(page.getByTestId("activation-error")).toContainText("The only seat of this license is in use.");
  await expect(page.getByTestId("activation-error")).toContainText("free a seat");
  await page.screenshot({ path: "test-results/e2e/activate-form-error.png", fullPage: true });

  await page.getByLabel("License key").fill("NOPE0-NOPE0-NOPE0");
  await page.getByRole("button", { name: "Activate and download license file" }).click();
  await expect(page.getByTestId("activation-error")).toContainText("couldn't find a license with this key");
});

test("staff see the signing key, rotate it, and old files still verify; console generates a file", async ({ staffPage: page, api, request }) => {
  const { license } = await seedLicense(api, { seats: 2 });
  await page.goto(`/console/licenses/${license.id}/license-file`);
  await expect(page.getByRole("heading", { name: "Generate license file" })).toBeVisible();
  const machineCode = unique("SRV");
  await page.getByLabel("Machine code").fill(machineCode);
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("button", { name: "Generate license file" }).click();
  const download = await downloadPromise;
  expect(download.suggestedFilename()).toBe(`${machineCode}.lic`);
  await expect(page.getByTestId("license-file-result")).toContainText("Machine activated.");
  await expect(page.getByRole("button", { name: "Generate license file" })).toBeEnabled();
  await page.screenshot({ path: "test-results/e2e/console-generate-license-file.png", fullPage: true });
  const oldFile = await readFile(await download.path());

  await page.goto("/console/settings/signing-key");
  const before = (await (await request.get("/api/v1/public-key")).json()) as TKeys;
  await expect(page.getByTestId("active-key-id")).toHaveText(before.keyId);
  await expect(page.getByTestId("active-public-key")).toContainText("BEGIN PUBLIC KEY");
  await page.screenshot({ path: "test-results/e2e/settings-signing-key.png", fullPage: true });

  await page.getByRole("button", { name: "Rotate key…" }).click();
  await page.getByRole("button", { name: "Rotate now" }).click();
  await expect(page.getByRole("status").filter({ hasText: "New signing key" })).toBeVisible();
  const after = (await (await request.get("/api/v1/public-key")).json()) as TKeys;
  expect(after.keyId).not.toBe(before.keyId);
  await expect(page.getByTestId("active-key-id")).toHaveText(after.keyId);
  await expect(page.getByRole("cell", { name: before.keyId })).toBeVisible();
  await page.screenshot({ path: "test-results/e2e/settings-signing-key-rotated.png", fullPage: true });

  expect(verifyLicenseFile(oldFile, { publicKeys: after.keys, fingerprint: machineCode }).valid).toBe(true);
});

test("the activation form works without JavaScript: a refusal comes back as a clear message", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/activate");
  await page.getByLabel("License key").fill("NOPE1-NOPE1-NOPE1");
  await page.getByLabel("Machine code").fill("NOJS-PC");
  await page.getByRole("button", { name: "Activate and download license file" }).click();
  await expect(page).toHaveURL(/\/activate\?error=LICENSE_NOT_FOUND/);
  await expect(page.getByRole("alert")).toContainText("couldn't find a license with this key");
  await context.close();
});
