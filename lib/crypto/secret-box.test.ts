import { describe, expect, it } from "vitest";
import { openSecret, sealSecret } from "./secret-box";

describe("secret box", () => {
  const secret = "test-secret-0123456789";
  it("round-trips and never contains the plaintext", () => {
    const sealed = sealSecret("JBSWY3DPEHPK3PXPJBSWY3DP", "totp", secret);
    expect(sealed).not.toContain("JBSWY3DP");
    expect(openSecret(sealed, "totp", secret)).toBe("JBSWY3DPEHPK3PXPJBSWY3DP");
    expect(sealSecret("x", "totp", secret)).not.toBe(sealSecret("x", "totp", secret));
  });
  it("refuses another secret, another purpose, or a tampered value", () => {
    const sealed = sealSecret("seed", "totp", secret);
    expect(openSecret(sealed, "totp", "other-secret")).toBeNull();
    expect(openSecret(sealed, "webhook", secret)).toBeNull();
    const parts = sealed.split(".");
    parts[3] = Buffer.from("seex").toString("base64url");
    expect(openSecret(parts.join("."), "totp", secret)).toBeNull();
    expect(openSecret("garbage", "totp", secret)).toBeNull();
  });
});

describe("secret rotation", () => {
  it("opens values sealed under SEATWISE_SECRET_PREVIOUS while the new secret is in place", () => {
    const saved = { ...process.env };
    try {
      const sealed = sealSecret("seed", "totp", "old-secret-value");
      process.env.SEATWISE_SECRET = "new-secret-value";
      expect(openSecret(sealed, "totp")).toBeNull();
      process.env.SEATWISE_SECRET_PREVIOUS = "old-secret-value";
      expect(openSecret(sealed, "totp")).toBe("seed");
    } finally {
      process.env = saved;
    }
  });
});
