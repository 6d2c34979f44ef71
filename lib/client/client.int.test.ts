import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makeLicense } from "@/lib/test/factories";
import { startRouteServer, type TRouteServer } from "@/lib/test/route-server";
import { SeatwiseClient } from "./client";
import { ClockGuard, MemoryClockStore } from "./clock";
import { NetworkError, SeatwiseError } from "./errors";
import { verifyLicenseFile } from "./license-file";
import { ensureSigningKey, listPublicKeys } from "@/lib/signing/signing-keys";
import { makeTestKey } from "./test-signer";

// Every client call over real HTTP against the app's route handlers (in-process server, test database).
// Signatures, the public key and license files are the server's own (its Ed25519 key in the test database).
let server: TRouteServer;
let key: { keyId: string; publicKey: string };
beforeAll(async () => {
  await ensureSigningKey();
  const active = (await listPublicKeys()).find((k) => k.active)!;
  key = { keyId: active.keyId, publicKey: active.publicKey };
  server = await startRouteServer();
});
afterAll(async () => {
  await server?.close();
});

const keys = () => [{ keyId: key.keyId, publicKey: key.publicKey }];
const clientFor = (licenseKey: string, extra = {}) =>
  new SeatwiseClient({ baseUrl: server.url, key: licenseKey, publicKeys: keys(), retries: 0, timeoutMs: 60_000, device: { friendlyName: "CI box", platform: "linux", appVersion: "2.0" }, ...extra });

describe("SeatwiseClient against the API", () => {
  it("activates, validates, heartbeats and deactivates, verifying every signed answer", async () => {
    const { key: licenseKey, license } = await makeLicense({ license: { seats: 2 } });
    const store = new MemoryClockStore();
    const clock = new ClockGuard(store);
    const client = clientFor(licenseKey, { clock });
    const seat = await client.activate({ fingerprint: "int-fp" });
    expect(seat.activation).toMatchObject({ fingerprint: "int-fp", friendlyName: "CI box", platform: "linux", appVersion: "2.0", status: "ACTIVE" });
    expect(seat.license).toMatchObject({ id: license.id, seats: { limit: 2, used: 1 } });
    expect(await client.validate({ fingerprint: "int-fp" })).toMatchObject({ valid: true, code: "VALID" });
    expect(await client.validate({ fingerprint: "other" })).toMatchObject({ valid: false, code: "NOT_ACTIVATED" });
    expect((await client.heartbeat({ fingerprint: "int-fp" })).activation.id).toBe(seat.activation.id);
    await client.deactivate({ fingerprint: "int-fp" });
    expect((await db.activation.findUniqueOrThrow({ where: { id: seat.activation.id } })).deactivatedAt).not.toBeNull();
    // The signed server Date moved the clock guard forward.
    expect(await store.get()).toBeGreaterThan(Date.now() - 60_000);
  });

  it("types refusals with the server's codes", async () => {
    const { key: licenseKey, license } = await makeLicense({ license: { seats: 1 } });
    const client = clientFor(licenseKey);
    await client.activate({ fingerprint: "a" });
    const full = await client.activate({ fingerprint: "b" }).catch((e) => e);
    expect(full).toBeInstanceOf(SeatwiseError);
    expect(full).toMatchObject({ code: "SEAT_LIMIT_REACHED", status: 409, details: { seats: { limit: 1, used: 1 } } });
    await expect(client.heartbeat({ fingerprint: "b" })).rejects.toMatchObject({ code: "ACTIVATION_NOT_FOUND" });
    await db.license.update({ where: { id: license.id }, data: { status: "SUSPENDED" } });
    await expect(client.activate({ fingerprint: "a" })).rejects.toMatchObject({ code: "LICENSE_SUSPENDED", status: 403 });
    await expect(clientFor("NOPE-NOPE").activate({ fingerprint: "a" })).rejects.toMatchObject({ code: "LICENSE_NOT_FOUND", status: 404 });
    await expect(clientFor(licenseKey).activate({ fingerprint: "" })).rejects.toMatchObject({ code: "INVALID_REQUEST", status: 400 });
  });

  it("gets the public key and a license file, and verifies the file offline", async () => {
    const { key: licenseKey, product } = await makeLicense();
    const client = clientFor(licenseKey);
    await client.activate({ fingerprint: "file-fp" });
    const info = await client.publicKey();
    expect(info).toMatchObject({ algorithm: "ed25519", keyId: key.keyId });
    const file = await client.licenseFile({ fingerprint: "file-fp" });
    const { payload } = await verifyLicenseFile(file, { keys: info.keys!, product: product.code, fingerprint: "file-fp" });
    expect(payload).toMatchObject({ product: { code: product.code }, fingerprint: "file-fp", seats: 5 });
  });

  it("keeps a seat with checkout() and releases it on stop()", async () => {
    const { key: licenseKey, license } = await makeLicense({ license: { seats: 1 } });
    const client = clientFor(licenseKey);
    const lease = await client.checkout({ fingerprint: "co-fp" });
    expect(lease.state).toBe("active");
    await expect(client.checkout({ fingerprint: "co-2" })).rejects.toMatchObject({ code: "SEAT_LIMIT_REACHED" });
    expect(await lease.stop()).toEqual({ released: true });
    expect(await db.activation.count({ where: { licenseId: license.id, deactivatedAt: null } })).toBe(0);
  });

  it("rejects answers whose signature does not match the trusted key", async () => {
    const { key: licenseKey } = await makeLicense();
    const stranger = makeTestKey();
    const client = clientFor(licenseKey, { publicKeys: [{ keyId: key.keyId, publicKey: stranger.publicKey }] });
    await expect(client.validate()).rejects.toMatchObject({ name: "SignatureError", code: "INVALID" });
  });

  it("reports an unreachable server as NetworkError after retrying", async () => {
    const client = new SeatwiseClient({ baseUrl: "http://127.0.0.1:9", key: "K", retries: 1, baseDelayMs: 1 });
    await expect(client.validate()).rejects.toBeInstanceOf(NetworkError);
  });
});
