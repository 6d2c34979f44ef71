import { generateKeyPairSync } from "node:crypto";
import { describe, expect, it } from "vitest";
import { decryptPrivateKey, encryptPrivateKey, SigningKeyDecryptError } from "./key-encryption";
import { keyIdOf } from "./key-id";

describe("private key encryption at rest", () => {
  const der = generateKeyPairSync("ed25519").privateKey.export({ type: "pkcs8", format: "der" });

  it("round-trips with the right secret and stores neither the key nor its PEM", () => {
    const stored = encryptPrivateKey(der, "secret-a");
    expect(stored.startsWith("v1.")).toBe(true);
    expect(stored.split(".")).toHaveLength(5);
    expect(stored).not.toContain(der.toString("base64"));
    expect(stored).not.toContain(der.toString("base64url"));
    expect(stored).not.toContain("PRIVATE KEY");
    expect(decryptPrivateKey(stored, "secret-a").equals(der)).toBe(true);
  });

  it("uses a fresh salt and IV each time", () => {
    expect(encryptPrivateKey(der, "s")).not.toBe(encryptPrivateKey(der, "s"));
  });

  it("refuses the wrong secret, a tampered ciphertext and an unknown format", () => {
    const stored = encryptPrivateKey(der, "secret-a");
    expect(() => decryptPrivateKey(stored, "secret-b")).toThrow(SigningKeyDecryptError);
    const parts = stored.split(".");
    const ct = Buffer.from(parts[4]!, "base64url");
    ct[0] = ct[0]! ^ 1;
    parts[4] = ct.toString("base64url");
    expect(() => decryptPrivateKey(parts.join("."), "secret-a")).toThrow(/can't be decrypted/);
    expect(() => decryptPrivateKey(`v9.${stored.slice(3)}`, "secret-a")).toThrow(/Unknown signing key storage format/);
  });
});

describe("keyIdOf", () => {
  it("is 16 hex characters, stable for a key and different across keys", () => {
    const a = generateKeyPairSync("ed25519").publicKey;
    const b = generateKeyPairSync("ed25519").publicKey;
    expect(keyIdOf(a)).toMatch(/^[0-9a-f]{16}$/);
    expect(keyIdOf(a.export({ type: "spki", format: "pem" }).toString())).toBe(keyIdOf(a));
    expect(keyIdOf(a)).not.toBe(keyIdOf(b));
  });
});
