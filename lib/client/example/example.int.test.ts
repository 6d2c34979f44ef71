import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeLicense } from "@/lib/test/factories";
import { startRouteServer, type TRouteServer } from "@/lib/test/route-server";
import { makeTestKey } from "../test-signer";
import { runExample } from "./example-harness";

let server: TRouteServer;
beforeAll(async () => {
  server = await startRouteServer({ sign: makeTestKey(), fakeOffline: true });
});
afterAll(async () => {
  await server?.close();
});

describe("example app", () => {
  it("asks for a key, activates, heartbeats, saves and verifies its license file, deactivates on Ctrl+C, then works offline", async () => {
    const { key, license } = await makeLicense({ license: { seats: 2 } });
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "seatwise-example-"));
    const common = ["--server", server.url, "--data-dir", dataDir, "--fingerprint", "example-fp"];

    const run = runExample([...common, "--heartbeat-seconds", "1"], `${key}\n`);
    await run.waitFor(/License key \(or press Enter/);
    await run.waitFor(/activated: .* — license /);
    await run.waitFor(/license file saved/);
    await run.waitFor(/offline: license file OK/);
    const active = await db.activation.findFirstOrThrow({ where: { licenseId: license.id, fingerprint: "example-fp" } });
    expect(active.deactivatedAt).toBeNull();
    // A second heartbeat proves the loop runs (the first one is the activation itself).
    await run.waitFor(/heartbeat OK[\s\S]*heartbeat OK/);
    run.child.kill("SIGINT");
    await run.waitFor(/deactivated: seat released/);
    expect(await run.exited).toBe(0);
    expect((await db.activation.findUniqueOrThrow({ where: { id: active.id } })).deactivatedAt).not.toBeNull();
    expect(JSON.parse(readFileSync(path.join(dataDir, "state.json"), "utf8"))).toMatchObject({ key });

    // --offline: verifies the saved file, no network.
    const offline = runExample([...common, "--offline"]);
    await offline.waitFor(/offline: license file OK/);
    expect(await offline.exited).toBe(0);

    // The server is unreachable: the app falls back to the file by itself (no prompt: the key is saved).
    const unreachable = runExample(["--server", "http://127.0.0.1:9", "--data-dir", dataDir, "--fingerprint", "example-fp"]);
    await unreachable.waitFor(/server unreachable[\s\S]*offline: license file OK/);
    expect(await unreachable.exited).toBe(0);

    // Another machine's code, or a clock set back: refused.
    const otherMachine = runExample(["--data-dir", dataDir, "--fingerprint", "someone-else", "--offline"]);
    await otherMachine.waitFor(/refused: FINGERPRINT_MISMATCH/);
    expect(await otherMachine.exited).toBe(1);
    writeFileSync(path.join(dataDir, "clock.json"), JSON.stringify({ lastSeen: Date.now() + 5 * 86_400_000 }));
    const setBack = runExample([...common, "--offline"]);
    await setBack.waitFor(/refused: .*system clock/);
    expect(await setBack.exited).toBe(1);
  }, 300_000);

  it("reports a refusal with the server's code", async () => {
    const dataDir = mkdtempSync(path.join(os.tmpdir(), "seatwise-example-"));
    const run = runExample(["--server", server.url, "--data-dir", dataDir, "--fingerprint", "x"], "AAAAA-BBBBB-CCCCC\n");
    await run.waitFor(/refused: LICENSE_NOT_FOUND/);
    expect(await run.exited).toBe(1);
  }, 180_000);
});
