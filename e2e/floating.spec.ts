import { expect, seedLicense, test, unique } from "./fixtures";

test("a lease appears on the leases page after a checkout and disappears when released", async ({ api, staffPage, request }) => {
  const { license } = await seedLicense(api, { model: "FLOATING", seats: 2 });
  const fingerprint = unique("fp");
  const checkout = await request.post("/api/v1/activations", {
    data: { key: license.key, fingerprint, friendlyName: "Render node 7", platform: "linux", appVersion: "3.1.0" },
  });
  expect(checkout.status()).toBe(201);
  const body = await checkout.json();
  expect(body.activation.leaseExpiresAt).toBeTruthy();
  expect(Date.parse(body.activation.refreshBefore)).toBeLessThan(Date.parse(body.activation.leaseExpiresAt));

  await staffPage.goto(`/console/licenses/${license.id}/leases`);
  await expect(staffPage.getByRole("heading", { name: "Leases", exact: true })).toBeVisible();
  const row = staffPage.locator(`[data-testid="lease-row"][data-fingerprint="${fingerprint}"]`);
  await expect(row).toBeVisible();
  await expect(row).toContainText("Render node 7");
  await expect(row.getByTestId("lease-time-left")).toHaveText(/^(59m|1h 00m)/);
  await expect(staffPage.getByText("1 / 2")).toBeVisible();
  await staffPage.screenshot({ path: "test-results/e2e/floating-leases.png", fullPage: true });

  const release = await request.post("/api/v1/deactivations", { data: { key: license.key, fingerprint } });
  expect(release.status()).toBe(200);
  await staffPage.reload();
  await expect(row).toHaveCount(0);
  await expect(staffPage.getByTestId("leases-empty")).toBeVisible();
  await staffPage.screenshot({ path: "test-results/e2e/floating-leases-empty.png", fullPage: true });
});

test("staff revoke a lease from the console; the app's next heartbeat is refused", async ({ api, staffPage, request }) => {
  const { license } = await seedLicense(api, { model: "FLOATING", seats: 1 });
  const fingerprint = unique("crashed");
  expect((await request.post("/api/v1/activations", { data: { key: license.key, fingerprint, friendlyName: "Stuck laptop" } })).status()).toBe(201);

  // Full: the next checkout is refused with Retry-After until the lease ends.
  const refused = await request.post("/api/v1/activations", { data: { key: license.key, fingerprint: unique("other") } });
  expect(refused.status()).toBe(409);
  const retryAfter = Number(refused.headers()["retry-after"]);
  expect(retryAfter).toBeGreaterThan(3500);
  expect(retryAfter).toBeLessThanOrEqual(3600);
  expect((await refused.json()).error).toMatchObject({ code: "SEAT_LIMIT_REACHED", retryAfter });

  await staffPage.goto(`/console/licenses/${license.id}/leases`);
  const row = staffPage.locator(`[data-testid="lease-row"][data-fingerprint="${fingerprint}"]`);
  await row.getByRole("button", { name: /Revoke lease of Stuck laptop/ }).click();
  await staffPage.screenshot({ path: "test-results/e2e/floating-revoke-confirm.png", fullPage: true });
  await row.getByRole("button", { name: /Confirm: revoke/ }).click();
  await expect(row).toHaveCount(0);

  // A seat freed by staff tells the app so (DEACTIVATED), and the app can lock itself.
  const heartbeat = await request.post("/api/v1/heartbeats", { data: { key: license.key, fingerprint } });
  expect(heartbeat.status()).toBe(403);
  expect((await heartbeat.json()).error.code).toBe("DEACTIVATED");
  expect(
    (await request.post("/api/v1/activations", { data: { key: license.key, fingerprint: unique("next") } })).status(),
  ).toBe(201);

  // The refusal shows up in the concurrency report, with a CSV export.
  await staffPage.getByRole("link", { name: "Concurrency", exact: true }).click();
  await expect(staffPage.getByRole("heading", { name: "Concurrency", exact: true })).toBeVisible();
  await expect(staffPage.getByText("Refused checkouts").first()).toBeVisible();
  await expect(staffPage.locator(".recharts-line").first()).toBeVisible();
  await staffPage.screenshot({ path: "test-results/e2e/floating-concurrency.png", fullPage: true });
  const csv = await staffPage.request.get(`/console/licenses/${license.id}/concurrency/export?range=24h&bucket=hour`);
  expect(csv.status()).toBe(200);
  expect(csv.headers()["content-type"]).toContain("text/csv");
  const lines = (await csv.text()).trim().split("\r\n");
  expect(lines[0]).toBe("bucket_start_utc,peak_leases,average_leases,refused_checkouts,seat_limit");
  expect(lines).toHaveLength(25);
  expect(lines.slice(1).reduce((sum, line) => sum + Number(line.split(",")[3]), 0)).toBe(1);
});

test("the CSV export needs a signed-in staff member", async ({ request }) => {
  const res = await request.get("/console/licenses/anything/concurrency/export");
  expect(res.status()).toBe(401);
});

test("empty states: a new floating license's report and a node-locked license's leases page", async ({ api, staffPage }) => {
  const { license } = await seedLicense(api, { model: "FLOATING", seats: 3 });
  await staffPage.goto(`/console/licenses/${license.id}/concurrency?range=30d&bucket=day`);
  await expect(staffPage.getByTestId("concurrency-empty")).toBeVisible();
  await expect(staffPage.getByRole("link", { name: "30 days" })).toHaveAttribute("aria-current", "page");
  await staffPage.screenshot({ path: "test-results/e2e/floating-concurrency-empty.png", fullPage: true });

  const nodeLocked = await seedLicense(api, { model: "NODE_LOCKED" });
  await staffPage.goto(`/console/licenses/${nodeLocked.license.id}/leases`);
  await expect(staffPage.getByText("This license is node-locked")).toBeVisible();

  // With a loading boundary the response is already streaming (200) when the page calls notFound().
  await staffPage.goto("/console/licenses/does-not-exist/leases");
  await expect(staffPage.getByRole("heading", { name: "Not found" })).toBeVisible();
});
