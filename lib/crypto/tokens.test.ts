import { describe, expect, it } from "vitest";
import { digestToken, generateLicenseKey, generateToken, normalizeLicenseKey, safeEqual } from "./tokens";

describe("license keys", () => {
  it("are 6 groups of 5 Crockford characters and unique", () => {
    const keys = new Set(Array.from({ length: 1000 }, generateLicenseKey));
    expect(keys.size).toBe(1000);
    for (const key of keys) expect(key).toMatch(/^([0-9A-HJKMNP-TV-Z]{5}-){5}[0-9A-HJKMNP-TV-Z]{5}$/);
  });

  it("normalize typed variants to the canonical key", () => {
    const key = generateLicenseKey();
    expect(normalizeLicenseKey(key.toLowerCase())).toBe(key);
    expect(normalizeLicenseKey(key.replace(/-/g, " "))).toBe(key);
    expect(normalizeLicenseKey("0O1IL-00000-00000-00000-00000-00000")).toBe("00111-00000-00000-00000-00000-00000");
  });

  it("reject input that cannot be a key", () => {
    expect(normalizeLicenseKey("")).toBeNull();
    expect(normalizeLicenseKey("ABC")).toBeNull();
    expect(normalizeLicenseKey("U".repeat(30))).toBeNull();
    expect(normalizeLicenseKey("'; DROP TABLE x; --")).toBeNull();
  });

  it("give the same answer when asked again, for short and long input alike", () => {
    const key = generateLicenseKey();
    const spaced = ` ${key.split("-").join("   -   ")} `;
    expect(spaced.length).toBeGreaterThan(64);
    for (let i = 0; i < 3; i++) {
      expect(normalizeLicenseKey(key.toLowerCase())).toBe(key);
      expect(normalizeLicenseKey(spaced)).toBe(key);
      expect(normalizeLicenseKey("ABC")).toBeNull();
    }
  });
});

describe("tokens", () => {
  it("carry their kind prefix and digest deterministically", () => {
    const token = generateToken("sw_admin");
    expect(token.startsWith("sw_admin_")).toBe(true);
    expect(digestToken(token)).toBe(digestToken(token));
    expect(digestToken(token)).not.toBe(digestToken(generateToken("sw_admin")));
  });

  it("compare in constant time without throwing on length mismatch", () => {
    expect(safeEqual("abc", "abc")).toBe(true);
    expect(safeEqual("abc", "abd")).toBe(false);
    expect(safeEqual("abc", "abcd")).toBe(false);
  });
});
