import { describe, expect, it } from "vitest";
import { requestIp } from "./request-ip";

describe("requestIp", () => {
  it("takes the right-most forwarded address, which the server itself appended", () => {
    expect(requestIp(new Headers({ "x-forwarded-for": "6.6.6.6, 10.0.0.7" }), {})).toBe("10.0.0.7");
  });
  it("skips trusted proxies", () => {
    const headers = new Headers({ "x-forwarded-for": "203.0.113.9, 10.0.0.2, 127.0.0.1" });
    expect(requestIp(headers, { SEATWISE_TRUSTED_PROXIES: "1" })).toBe("10.0.0.2");
    expect(requestIp(headers, { SEATWISE_TRUSTED_PROXIES: "9" })).toBe("203.0.113.9");
  });
  it("answers null without any address", () => {
    expect(requestIp(new Headers(), {})).toBeNull();
  });
});
