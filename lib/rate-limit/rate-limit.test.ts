import { describe, expect, it } from "vitest";
import { rateLimitFromEnv } from "./rate-limit-config";

describe("rateLimitFromEnv", () => {
  const fallback = { points: 30, durationSeconds: 300 };
  it("reads <points>/<seconds>, 'off', and falls back on nonsense", () => {
    expect(rateLimitFromEnv("activate_form", fallback, {})).toEqual(fallback);
    expect(rateLimitFromEnv("activate_form", fallback, { SEATWISE_RATE_LIMIT_ACTIVATE_FORM: "5/60" })).toEqual({ points: 5, durationSeconds: 60 });
    expect(rateLimitFromEnv("activate-form", fallback, { SEATWISE_RATE_LIMIT_ACTIVATE_FORM: "off" })).toBeNull();
    expect(rateLimitFromEnv("activate_form", fallback, { SEATWISE_RATE_LIMIT_ACTIVATE_FORM: "lots" })).toEqual(fallback);
    expect(rateLimitFromEnv("activate_form", fallback, { SEATWISE_RATE_LIMIT_ACTIVATE_FORM: "0/60" })).toEqual(fallback);
  });
});
