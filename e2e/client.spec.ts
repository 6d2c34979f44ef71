import { mkdtempSync } from "node:fs";
import type { AddressInfo } from "node:net";
import os from "node:os";
import path from "node:path";
import { runExample } from "../lib/client/example/example-harness";
import { SeatwiseClient } from "../lib/client/client";
import { createRelay } from "../lib/relay/relay";
import { expect, seedLicense, test } from "./fixtures";

const port = Number(process.env.E2E_PORT || 3210);
const server = `http://127.0.0.1:${port}`;

test("the integration guide and the API reference render without leaving this server", async ({ page }) => {
  const external: string[] = [];
  page.on("request", (req) => {
    const url = new URL(req.url());
    if (!["127.0.0.1", "localhost"].includes(url.hostname) && !url.protocol.startsWith("data")) external.push(req.url());
  });
  await page.setViewportSize({ width: 1280, height: 900 });
  await page.goto("/docs");
  await expect(page.getByRole("heading", { level: 1, name: "Integrate Seatwise into your app" })).toBeVisible();
  await expect(page.getByRole("cell", { name: "SEAT_LIMIT_REACHED" })).toBeVisible();
  await page.screenshot({ path: "test-results/e2e/docs-guide.png", fullPage: false });

  await page.getByRole("link", { name: "API reference" }).first().click();
  await expect(page).toHaveURL(/\/docs\/api$/);
  await expect(page.getByText("Activate a seat (or check out a floating lease)").first()).toBeVisible({ timeout: 30_000 });
  await expect(page.getByRole("heading", { name: "Seatwise API" })).toBeVisible({ timeout: 30_000 });
  await page.screenshot({ path: "test-results/e2e/docs-api.png", fullPage: false });
  await expect(page.getByRole("button", { name: /Ask AI/ })).toHaveCount(0);
  await page.getByText("Activate a seat (or check out a floating lease)").first().click();
  await expect(page.getByText("SEAT_LIMIT_REACHED").first()).toBeAttached({ timeout: 30_000 });
  await page.screenshot({ path: "test-results/e2e/docs-api-operation.png", fullPage: false });
  expect(external).toEqual([]);

  const doc = await page.request.get("/api/v1/openapi.json");
  expect(doc.status()).toBe(200);
  expect((await doc.json()).openapi).toBe("3.1.0");
});

test("the example app activates, heartbeats and deactivates on Ctrl+C against next start", async ({ api }) => {
  test.setTimeout(120_000);
  const { license } = await seedLicense(api, { seats: 2 });
  const { license: full } = await api.get(`/admin/licenses/${license.id}`);
  const dataDir = mkdtempSync(path.join(os.tmpdir(), "seatwise-example-e2e-"));
  const run = runExample(["--server", server, "--data-dir", dataDir, "--fingerprint", "e2e-example", "--heartbeat-seconds", "1"], `${full.key}\n`);
  await run.waitFor(/activated: /);
  await run.waitFor(/heartbeat OK[\s\S]*heartbeat OK/);
  let listed = await api.get(`/admin/licenses/${license.id}/activations`);
  expect(listed.activations).toEqual([expect.objectContaining({ fingerprint: "e2e-example", status: "ACTIVE" })]);
  run.child.kill("SIGINT");
  await run.waitFor(/deactivated: seat released/);
  expect(await run.exited).toBe(0);
  listed = await api.get(`/admin/licenses/${license.id}/activations?includeInactive=true`);
  expect(listed.activations).toEqual([expect.objectContaining({ fingerprint: "e2e-example", status: "DEACTIVATED" })]);
});

test("the relay forwards client calls to next start and refuses admin calls", async ({ api }) => {
  const { license } = await seedLicense(api, { seats: 1 });
  const { license: full } = await api.get(`/admin/licenses/${license.id}`);
  const lines: string[] = [];
  const relay = createRelay({ upstream: server, log: (line) => lines.push(line) });
  await new Promise<void>((resolve) => relay.listen(port + 1, "127.0.0.1", resolve));
  try {
    const relayUrl = `http://127.0.0.1:${(relay.address() as AddressInfo).port}`;
    const client = new SeatwiseClient({ baseUrl: relayUrl, key: full.key, retries: 0 });
    await client.activate({ fingerprint: "via-relay" });
    expect(await client.validate({ fingerprint: "via-relay" })).toMatchObject({ valid: true, code: "VALID" });
    await expect(client.activate({ fingerprint: "second" })).rejects.toMatchObject({ code: "SEAT_LIMIT_REACHED" });
    await client.deactivate({ fingerprint: "via-relay" });
    const admin = await fetch(`${relayUrl}/api/v1/admin/licenses`, { headers: { authorization: `Bearer ${api.token}` } });
    expect(admin.status).toBe(403);
    expect((await admin.json()).error.code).toBe("FORBIDDEN");
    expect((await fetch(`${relayUrl}/console`)).status).toBe(403);
    expect(lines.some((l) => / POST \/api\/v1\/activations 201 /.test(l))).toBe(true);
  } finally {
    await new Promise((resolve) => relay.close(resolve));
  }
});
