import { createServer, type Server } from "node:http";
import { Webhook } from "standardwebhooks";
import { expect, seedLicense, test, unique } from "./fixtures";

type TReceived = { headers: Record<string, string>; body: string };

/** A real receiver on this worktree's port range: the app's worker POSTs to it. */
async function startReceiver(): Promise<{ url: string; received: TReceived[]; server: Server }> {
  const received: TReceived[] = [];
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    received.push({ headers: req.headers as Record<string, string>, body: Buffer.concat(chunks).toString("utf8") });
    res.writeHead(200).end("ok");
  });
  for (let port = 3340; port <= 3349; port++) {
    const ok = await new Promise<boolean>((resolve) => {
      server.once("error", () => resolve(false));
      server.listen(port, "127.0.0.1", () => resolve(true));
    });
    if (ok) return { url: `http://127.0.0.1:${port}/seatwise`, received, server };
  }
  throw new Error("no free port in 3340-3349");
}

test("staff add a webhook endpoint, an activation is delivered signed and listed with its response", async ({ staffPage: page, api, request }) => {
  const receiver = await startReceiver();
  try {
    const { license } = await seedLicense(api, { seats: 3 });

    await page.goto("/console/settings/webhooks");
    await expect(page.getByRole("heading", { name: "Webhooks" })).toBeVisible();
    await page.screenshot({ path: "test-results/e2e/webhooks-empty.png", fullPage: true });

    // Validation message first.
    await page.getByLabel("Endpoint URL").fill("not a url");
    await page.getByRole("button", { name: "Create endpoint" }).click();
    await expect(page.getByText("Enter a full http:// or https:// URL")).toBeVisible();

    await page.getByLabel("Endpoint URL").fill(receiver.url);
    await page.getByLabel("Description (optional)").fill(unique("CRM sync"));
    await page.getByLabel("Only selected events").check();
    await page.getByLabel("activation.created").check();
    await page.getByLabel("activation.deactivated").check();
    await page.getByRole("button", { name: "Create endpoint" }).click();
    const secret = (await page.getByTestId("webhook-secret").textContent())!;
    expect(secret).toMatch(/^whsec_/);
    await page.screenshot({ path: "test-results/e2e/webhooks-created.png", fullPage: true });

    const activation = await request.post("/api/v1/activations", { data: { key: license.key, fingerprint: unique("fp"), friendlyName: "Build agent" } });
    expect(activation.status()).toBe(201);

    await page.getByRole("link", { name: "Open the endpoint" }).click();
    await expect(page.getByRole("heading", { name: receiver.url })).toBeVisible();
    await expect(async () => {
      await page.reload();
      const row = page.getByTestId("delivery-row").filter({ hasText: "activation.created" });
      await expect(row).toContainText("succeeded", { timeout: 1_000 });
      await expect(row).toContainText("HTTP 200", { timeout: 1_000 });
    }).toPass({ timeout: 30_000 });

    const delivered = receiver.received.find((r) => JSON.parse(r.body).type === "activation.created")!;
    const payload = new Webhook(secret).verify(delivered.body, delivered.headers) as { data: { licenseId: string; friendlyName: string } };
    expect(payload.data).toMatchObject({ licenseId: license.id, friendlyName: "Build agent" });

    await page.getByRole("button", { name: "Send test ping" }).click();
    await expect(page.getByText(/Ping delivered: HTTP 200/)).toBeVisible();
    await expect(page.getByTestId("delivery-row").filter({ hasText: "webhook.ping" })).toBeVisible();
    await page.getByRole("button", { name: "Reveal secret" }).click();
    await expect(page.getByTestId("webhook-secret")).toHaveText(secret);
    await page.screenshot({ path: "test-results/e2e/webhook-endpoint.png", fullPage: true });

    const resendCount = receiver.received.length;
    await page.getByTestId("delivery-row").filter({ hasText: "activation.created" }).getByRole("button", { name: "Resend" }).click();
    await expect.poll(() => receiver.received.length).toBeGreaterThan(resendCount);
    expect(receiver.received.at(-1)!.headers["webhook-id"]).toBe(delivered.headers["webhook-id"]);

    await page.goto("/console/settings/webhooks");
    await expect(page.getByTestId("endpoints-table")).toContainText(receiver.url);
    await page.screenshot({ path: "test-results/e2e/webhooks-list.png", fullPage: true });
  } finally {
    receiver.server.close();
  }
});

test("email templates are previewed with sample data and recipients are configurable", async ({ staffPage: page }) => {
  await page.goto("/console/settings/emails");
  await expect(page.getByRole("heading", { name: "Emails", exact: true })).toBeVisible();
  await expect(page.getByTestId("subject-license_expiring")).toHaveText("Your CAD Studio Pro license expires in 30 days");
  await expect(page.locator("iframe")).toHaveCount(9);
  for (const kind of ["seat_alert", "goodwill_in_use", "license_expiring", "license_expired", "lease_denials", "invitation", "admin_welcome", "admin_email_changed", "password_reset"]) {
    await expect(page.getByTestId(`subject-${kind}`)).not.toBeEmpty();
  }
  const denials = page.frameLocator('iframe[title="Floating lease denials (HTML)"]');
  await expect(denials.getByRole("heading", { name: "Acme Robotics is running out of floating seats" })).toBeVisible();
  await expect(page.getByLabel("Floating lease denials (plain text)")).toContainText("Refused lease requests 25 (threshold 20)");
  const invitation = page.frameLocator('iframe[title="Invitation (HTML)"]');
  await expect(invitation.getByRole("link", { name: "Accept the invitation" })).toHaveAttribute("href", "https://licenses.example.com/invite/sw_link_7QnX2vLp");
  const expiring = page.frameLocator('iframe[title="License expiring (HTML)"]');
  await expect(expiring.getByRole("heading", { name: "Your CAD Studio Pro license expires in 30 days" })).toBeVisible();
  await expect(expiring.getByRole("link", { name: "View the license" })).toBeVisible();
  await page.locator('iframe[title="License expiring (HTML)"]').scrollIntoViewIfNeeded();
  await page.screenshot({ path: "test-results/e2e/emails-preview.png" });
  await page.getByLabel("Expiry notices (days before expiry)").fill("30, banana");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Enter one to five whole numbers")).toBeVisible();
  await page.getByLabel("Expiry notices (days before expiry)").fill("60, 14, 3");
  await page.getByLabel("License expiring", { exact: true }).selectOption("org_admins");
  await page.getByLabel("Floating lease denials per day before a notice").fill("");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Enter a whole number of refused requests between 0 (off) and 100,000")).toBeVisible();
  // A refused form keeps what was typed.
  await expect(page.getByLabel("Expiry notices (days before expiry)")).toHaveValue("60, 14, 3");
  await expect(page.getByLabel("License expiring", { exact: true })).toHaveValue("org_admins");
  await page.getByLabel("Floating lease denials per day before a notice").fill("25");
  await page.getByRole("button", { name: "Save" }).click();
  await expect(page.getByText("Email settings saved.")).toBeVisible();
  await page.reload();
  await expect(page.getByLabel("Expiry notices (days before expiry)")).toHaveValue("60, 14, 3");
  await expect(page.getByLabel("License expiring", { exact: true })).toHaveValue("org_admins");
  await expect(page.getByLabel("Floating lease denials per day before a notice")).toHaveValue("25");
  await page.screenshot({ path: "test-results/e2e/emails-settings.png", fullPage: true });
});
