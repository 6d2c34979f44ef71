import { describe, expect, it } from "vitest";
import { describeErrorForLog, redactSecrets } from "./redact";

describe("redactSecrets", () => {
  it("removes tokens, license keys, credentials and secret-named JSON values", () => {
    const text = redactSecrets(
      'token sw_admin_AbCdEfGh1234567890_xyz key ABCDE-12345-FGHJK-67890-MNPQR-STVWX Authorization: Bearer abc.def Basic dXNlcjpwYXNz {"password":"hunter2","name":"ok"}',
    );
    expect(text).not.toMatch(/AbCdEfGh|ABCDE-12345|abc\.def|dXNlcjpwYXNz|hunter2/);
    expect(text).toContain("sw_admin_[redacted]");
    expect(text).toContain('"name":"ok"');
  });
  it("describes an error with its stack but without secrets", () => {
    const error = Object.assign(new Error("lookup of sw_user_0123456789abcdef failed"), { code: "P2002" });
    const line = describeErrorForLog(error);
    expect(line).toContain("Error (P2002): lookup of sw_user_[redacted] failed");
    expect(line).not.toContain("0123456789abcdef");
  });
});
