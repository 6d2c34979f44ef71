import { describe, expect, it } from "vitest";
import { ClockGuard, MemoryClockStore } from "./clock";
import { ClockTamperError, LicenseFileError } from "./errors";
import { verifyLicenseFile } from "./license-file";
import { makeTestKey, samplePayload, signLicenseFile } from "./test-signer";

const key = makeTestKey();
const keys = [{ keyId: key.keyId, publicKey: key.publicKey }];
const base = { keys, product: "editor", fingerprint: "fp-1" };

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "OK";
  } catch (error) {
    if (error instanceof LicenseFileError) return error.code;
    if (error instanceof ClockTamperError) return "CLOCK_TAMPER";
    throw error;
  }
}

/** Rewrites the envelope inside the armor (to tamper with one field). */
function editEnvelope(file: string, edit: (envelope: Record<string, string>) => void): string {
  const body = file.split("\n").slice(1, -2).join("");
  const envelope = JSON.parse(Buffer.from(body, "base64").toString());
  edit(envelope);
  const encoded = Buffer.from(JSON.stringify(envelope)).toString("base64").match(/.{1,64}/g)!.join("\n");
  return `-----BEGIN SEATWISE LICENSE FILE-----\n${encoded}\n-----END SEATWISE LICENSE FILE-----\n`;
}

describe("verifyLicenseFile", () => {
  it("accepts a good file as a string, a Buffer and a Uint8Array, and returns the payload", async () => {
    const file = signLicenseFile(samplePayload(), key);
    const fromString = await verifyLicenseFile(file, base);
    expect(fromString.payload).toMatchObject({ licenseId: "lic_1", product: { code: "editor" }, fingerprint: "fp-1" });
    expect(fromString.keyId).toBe(key.keyId);
    expect((await verifyLicenseFile(Buffer.from(file), base)).payload.licenseId).toBe("lic_1");
    expect((await verifyLicenseFile(new Uint8Array(Buffer.from(file)), base)).payload.licenseId).toBe("lic_1");
    // A file pasted with CRLF line ends and surrounding text still verifies.
    expect((await verifyLicenseFile(`Your license:\r\n${file.replace(/\n/g, "\r\n")}`, base)).payload.seats).toBe(5);
    // Accepts the product id as well as its code, and a single PEM key.
    expect(await codeOf(verifyLicenseFile(file, { ...base, product: "prod_1", keys: key.publicKey }))).toBe("OK");
  });

  it("rejects any change to the payload, the signature or the keyId", async () => {
    const file = signLicenseFile(samplePayload(), key);
    const payloadBytes = (envelope: Record<string, string>) => Buffer.from(envelope.payload!, "base64");
    for (let i = 0; i < 40; i += 7) {
      const tampered = editEnvelope(file, (e) => {
        const bytes = payloadBytes(e);
        bytes[i] = bytes[i]! ^ 0x01;
        e.payload = bytes.toString("base64");
      });
      expect(await codeOf(verifyLicenseFile(tampered, base))).toMatch(/BAD_SIGNATURE|MALFORMED/);
    }
    const seatsRaised = editEnvelope(file, (e) => {
      e.payload = Buffer.from(JSON.stringify({ ...samplePayload(), seats: 500 })).toString("base64");
    });
    expect(await codeOf(verifyLicenseFile(seatsRaised, base))).toBe("BAD_SIGNATURE");
    const badSig = editEnvelope(file, (e) => {
      const sig = Buffer.from(e.signature!, "base64");
      sig[10] = sig[10]! ^ 0x80;
      e.signature = sig.toString("base64");
    });
    expect(await codeOf(verifyLicenseFile(badSig, base))).toBe("BAD_SIGNATURE");
    expect(await codeOf(verifyLicenseFile(editEnvelope(file, (e) => (e.keyId = "other")), base))).toBe("UNKNOWN_KEY");
    expect(await codeOf(verifyLicenseFile(editEnvelope(file, (e) => (e.algorithm = "rsa")), base))).toBe("UNSUPPORTED_ALGORITHM");
    const otherKey = makeTestKey();
    expect(await codeOf(verifyLicenseFile(signLicenseFile(samplePayload(), { ...otherKey, keyId: key.keyId }), base))).toBe("BAD_SIGNATURE");
  });

  it("rejects garbage with MALFORMED", async () => {
    expect(await codeOf(verifyLicenseFile("hello", base))).toBe("MALFORMED");
    expect(await codeOf(verifyLicenseFile("-----BEGIN SEATWISE LICENSE FILE-----\n!!!\n-----END SEATWISE LICENSE FILE-----", base))).toBe("MALFORMED");
    expect(await codeOf(verifyLicenseFile(Buffer.alloc(0), base))).toBe("MALFORMED");
  });

  it("checks product and fingerprint by default", async () => {
    const file = signLicenseFile(samplePayload(), key);
    expect(await codeOf(verifyLicenseFile(file, { ...base, product: "other-product" }))).toBe("PRODUCT_MISMATCH");
    expect(await codeOf(verifyLicenseFile(file, { ...base, fingerprint: "fp-2" }))).toBe("FINGERPRINT_MISMATCH");
    // Opting out must be explicit.
    expect(await codeOf(verifyLicenseFile(file, { ...base, product: null, fingerprint: null }))).toBe("OK");
  });

  it("checks the license's expiresAt and the file's validUntil by default", async () => {
    const past = new Date(Date.now() - 1000).toISOString();
    expect(await codeOf(verifyLicenseFile(signLicenseFile(samplePayload({ expiresAt: past }), key), base))).toBe("LICENSE_EXPIRED");
    expect(await codeOf(verifyLicenseFile(signLicenseFile(samplePayload({ validUntil: past }), key), base))).toBe("FILE_EXPIRED");
    expect(await codeOf(verifyLicenseFile(signLicenseFile(samplePayload({ expiresAt: null }), key), base))).toBe("OK");
    const file = signLicenseFile(samplePayload(), key);
    expect(await codeOf(verifyLicenseFile(file, { ...base, now: new Date(Date.now() + 31 * 86_400_000) }))).toBe("FILE_EXPIRED");
  });
});

describe("clock tamper detection", () => {
  const hour = 3_600_000;

  it("refuses a clock set back more than the tolerance since the last check, and allows drift within it", async () => {
    const store = new MemoryClockStore();
    const guard = new ClockGuard(store);
    const file = signLicenseFile(samplePayload({ issuedAt: new Date(Date.now() - 10 * 86_400_000).toISOString() }), key);
    const t0 = Date.now();
    await verifyLicenseFile(file, { ...base, clock: guard, now: new Date(t0) });
    expect(await store.get()).toBe(t0);
    // 59 minutes back (daylight saving, VM drift): fine.
    expect(await codeOf(verifyLicenseFile(file, { ...base, clock: guard, now: new Date(t0 - 59 * 60_000) }))).toBe("OK");
    // Two hours back: tampering, even though the file itself would still be valid at that time.
    expect(await codeOf(verifyLicenseFile(file, { ...base, clock: guard, now: new Date(t0 - 2 * hour) }))).toBe("CLOCK_TAMPER");
    // The last seen time never moves backwards.
    expect(await store.get()).toBe(t0);
  });

  it("cannot revive an expired file by setting the clock back", async () => {
    const guard = new ClockGuard(new MemoryClockStore());
    const validUntil = Date.now() + 86_400_000;
    const file = signLicenseFile(samplePayload({ validUntil: new Date(validUntil).toISOString() }), key);
    expect(await codeOf(verifyLicenseFile(file, { ...base, clock: guard, now: new Date(validUntil + 3 * hour) }))).toBe("FILE_EXPIRED");
    expect(await codeOf(verifyLicenseFile(file, { ...base, clock: guard, now: new Date(validUntil - hour * 5) }))).toBe("CLOCK_TAMPER");
  });

  it("detects a clock behind the file's own issuedAt", async () => {
    const guard = new ClockGuard(new MemoryClockStore());
    const file = signLicenseFile(samplePayload({ issuedAt: new Date(Date.now()).toISOString() }), key);
    expect(await codeOf(verifyLicenseFile(file, { ...base, clock: guard, now: new Date(Date.now() - 3 * hour) }))).toBe("CLOCK_TAMPER");
  });

  it("has a configurable tolerance", async () => {
    const guard = new ClockGuard(new MemoryClockStore(1_000_000_000_000), { toleranceMs: 60_000 });
    await expect(guard.check(new Date(1_000_000_000_000 - 30_000))).resolves.toBeInstanceOf(Date);
    await expect(guard.check(new Date(1_000_000_000_000 - 120_000))).rejects.toBeInstanceOf(ClockTamperError);
  });
});
