import type { APIRequestContext } from "@playwright/test";
import { expect, seedLicense, test, unique } from "./fixtures";

async function activate(request: APIRequestContext, key: string, fingerprint: string) {
  const res = await request.post("/api/v1/activations", { data: { key, fingerprint, friendlyName: `Laptop ${fingerprint}` } });
  expect([200, 201]).toContain(res.status());
}

function today() {
  return new Date().toISOString().slice(0, 10);
}

test("renewing a license closes the period with its count and restarts consumption at 0", async ({ api, staffPage: page, request }) => {
  const { license } = await seedLicense(api, { seats: 5 });
  await activate(request, license.key, "fp-a");
  await activate(request, license.key, "fp-b");

  await page.goto(`/console/licenses/${license.id}/billing`);
  await expect(page.getByTestId("period-consumed")).toHaveText("2");
  await page.screenshot({ path: "test-results/e2e/license-billing-before.png", fullPage: true });

  // Validation message for a bad number, then a real renewal.
  await page.getByLabel("Days", { exact: true }).fill("0");
  await page.getByRole("button", { name: "Renew license" }).click();
  await expect(page.getByText("Enter a whole number of days between 1 and 36500.")).toBeVisible();
  await page.getByLabel("Days", { exact: true }).fill("365");
  await page.getByRole("button", { name: "Renew license" }).click();
  await expect(page.getByRole("status")).toContainText("A new billing period started with 0 seats consumed");
  await expect(page.getByTestId("period-consumed")).toHaveText("0");
  const rows = page.getByTestId("period-history").locator("tbody tr");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(0)).toContainText("Current");
  await expect(rows.nth(0).getByTestId("current-consumed")).toContainText("0");
  await expect(rows.nth(1)).toContainText("Closed");
  await expect(rows.nth(1)).toContainText("2");

  // A device checking in again counts in the new period.
  const validate = await request.post("/api/v1/validate", { data: { key: license.key, fingerprint: "fp-a" } });
  expect((await validate.json()).code).toBe("VALID");
  await page.reload();
  await expect(page.getByTestId("period-consumed")).toHaveText("1");
  const usage = await api.get(`/admin/licenses/${license.id}/usage?period=current`);
  expect(usage).toMatchObject({ seatsConsumed: 1, seatsActive: 2 });
  await page.screenshot({ path: "test-results/e2e/license-billing-after-renew.png", fullPage: true });
});

test("crossing the seat alert threshold puts exactly one email in the outbox", async ({ api, staffPage: page, request }) => {
  const contact = `${unique("billing")}@vendor.test`;
  await page.goto("/console/settings/email");
  await page.getByLabel("Vendor billing contact").fill("not-an-email");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Enter a valid email address")).toBeVisible();
  await page.getByLabel("Vendor billing contact").fill(contact);
  await page.getByLabel("Sender").fill("Acme Licensing <licensing@acme.test>");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByRole("status")).toHaveText("Email settings saved.");
  await expect(page.getByTestId("delivery-mode")).toContainText("kept in the outbox");
  await page.screenshot({ path: "test-results/e2e/settings-email.png", fullPage: true });

  const orgName = unique("Alerted Org");
  const { license } = await seedLicense(api, { seats: 10, orgName });
  await api.patch(`/admin/licenses/${license.id}`, { seatAlertThreshold: 3 });
  await activate(request, license.key, "d1");
  await activate(request, license.key, "d2");
  // The third and later devices race each other; still one email.
  await Promise.all(["d3", "d4", "d5", "d6"].map((fp) => activate(request, license.key, fp)));

  const ours = page.getByTestId("outbox-message").filter({ hasText: orgName });
  await expect(async () => {
    await page.goto("/console/settings/outbox");
    await expect(ours).toHaveCount(1);
    // The in-process worker moves it from Queued to the outbox (no RESEND_API_KEY in e2e).
    await expect(ours).toContainText("In outbox");
  }).toPass({ timeout: 30_000 });
  await expect(ours).toContainText(`to ${contact}`);
  await expect(ours.getByTestId("outbox-subject")).toHaveText(new RegExp(`^Seat alert: ${orgName} has used \\d of 10 seats$`));
  // Opened with the keyboard. A toggle that lands while the page is still settling can be lost, so
  // press again only while it is still closed (pressing an open one would close it).
  const details = ours.locator("details");
  await expect(async () => {
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) {
      await details.locator("summary").focus();
      await page.keyboard.press("Enter");
    }
    await expect(details).toHaveJSProperty("open", true, { timeout: 1_000 });
  }).toPass({ timeout: 15_000 });
  await expect(ours.getByText("Acme Licensing <licensing@acme.test>")).toBeVisible();
  const frame = page.frameLocator(`iframe[title^="Email: Seat alert: ${orgName}"]`);
  await expect(frame.getByRole("heading", { name: `Seat alert: ${orgName}` })).toBeVisible();
  await page.screenshot({ path: "test-results/e2e/settings-outbox.png", fullPage: true });

  // More check-ins in the same period don't send another.
  await activate(request, license.key, "d7");
  await page.reload();
  await expect(ours).toHaveCount(1);
});

test("the billing report lists consumed seats per license and exports them as CSV", async ({ api, staffPage: page, request }) => {
  const orgName = `${unique("Report Org")}, "Quoted"`;
  const { license, policy, product } = await seedLicense(api, { seats: 7, orgName });
  for (const fp of ["r1", "r2", "r3"]) await activate(request, license.key, fp);

  await page.goto(`/console/billing?from=${today()}&to=${today()}`);
  const row = page.getByTestId("billing-report").locator(`tr[data-license-id="${license.id}"]`);
  await expect(row).toContainText(orgName);
  await expect(row).toContainText("3 / 7");
  await page.screenshot({ path: "test-results/e2e/billing-report.png", fullPage: true });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Export CSV" }).click()]);
  expect(download.suggestedFilename()).toBe(`seatwise-billing-${today()}-to-${today()}.csv`);
  const csv = await (await import("node:fs/promises")).readFile((await download.path())!, "utf8");
  const lines = csv.trimEnd().split("\r\n");
  expect(lines[0]).toBe("license_id,license_key,license_name,customer,product,policy,seat_limit,period_id,period_start,period_end,period_status,seats_consumed");
  const ours = lines.filter((l) => l.startsWith(`${license.id},`));
  expect(ours).toHaveLength(1);
  const quotedOrg = `"${orgName.replace(/"/g, '""')}"`;
  expect(ours[0]).toBe(
    [license.id, license.key, license.name, quotedOrg, product.name, policy.name, 7, license.currentPeriod.id,
      license.currentPeriod.startsAt, license.currentPeriod.endsAt, "current", 3].join(","),
  );

  // A bad range is explained on the page and refused by the export.
  await page.goto("/console/billing?from=2026-05-02&to=2026-05-01");
  await expect(page.getByText("The end date must be on or after the start date.")).toBeVisible();
  const bad = await page.request.get("/console/billing/export?from=2026-05-02&to=2026-05-01");
  expect(bad.status()).toBe(400);
  // Signed out, the export is refused.
  const anonymous = await request.get(`/console/billing/export?from=${today()}&to=${today()}`);
  expect(anonymous.status()).toBe(401);
});
