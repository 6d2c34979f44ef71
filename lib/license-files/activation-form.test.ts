import { describe, expect, it } from "vitest";
import { activationFormMessage, licenseFileName, ZActivationFormInput } from "./activation-form";

describe("activation form", () => {
  it("names the file after the machine code, keeping only safe characters", () => {
    expect(licenseFileName("ABCD-1234")).toBe("ABCD-1234.lic");
    expect(licenseFileName("../../etc/passwd")).toBe("etc_passwd.lic");
    expect(licenseFileName('a"b\r\nc;d')).toBe("a_b_c_d.lic");
    expect(licenseFileName("%%%")).toBe("license.lic");
    expect(licenseFileName("...")).toBe("license.lic");
    expect(licenseFileName("x".repeat(300))).toHaveLength(104);
  });

  it("explains every refusal with what to do next", () => {
    for (const code of ["LICENSE_NOT_FOUND", "LICENSE_SUSPENDED", "LICENSE_EXPIRED", "SEAT_LIMIT_REACHED", "RATE_LIMITED", "INVALID_REQUEST", "INTERNAL_ERROR"]) {
      expect(activationFormMessage(code).length).toBeGreaterThan(20);
    }
    expect(activationFormMessage("SEAT_LIMIT_REACHED", "All 3 seats…", { limit: 3, used: 3 })).toMatch(/^All 3 seats of this license are in use\. Ask/);
    expect(activationFormMessage("SEAT_LIMIT_REACHED", undefined, { limit: 1 })).toMatch(/^The only seat/);
    expect(activationFormMessage("RATE_LIMITED", "Too many attempts. Try again in 40 seconds.")).toContain("40 seconds");
    expect(activationFormMessage("SOMETHING_NEW", "Server says why")).toBe("Server says why");
    expect(activationFormMessage(undefined)).toContain("went wrong");
  });

  it("requires a key and a machine code, trims them, and keeps the name optional", () => {
    expect(ZActivationFormInput.safeParse({ key: " K ", machineCode: " M " }).data).toEqual({ key: "K", machineCode: "M" });
    const bad = ZActivationFormInput.safeParse({ key: "", machineCode: "  " });
    expect(bad.error?.issues.map((i) => i.message)).toEqual(["Enter the license key", "Enter the machine code shown by the app"]);
  });
});
