import { describe, expect, it } from "vitest";
import { refreshBefore, retryAfterSeconds } from "./lease-rules";

const now = new Date("2026-03-01T00:00:00Z");
const plus = (s: number) => new Date(now.getTime() + s * 1000);

describe("refreshBefore", () => {
  it("is halfway to the lease's end, null without a live lease", () => {
    expect(refreshBefore(plus(3600), now)).toEqual(plus(1800));
    expect(refreshBefore(plus(61), now)).toEqual(plus(30.5));
    expect(refreshBefore(now, now)).toBeNull();
    expect(refreshBefore(null, now)).toBeNull();
  });
});

describe("retryAfterSeconds", () => {
  it("waits for the earliest release, rounded up to whole seconds", () => {
    expect(retryAfterSeconds([plus(100.2), plus(50.1)], 2, now)).toBe(51);
  });
  it("waits for enough releases when usage is above the limit (after a downgrade)", () => {
    expect(retryAfterSeconds([plus(10), plus(20), plus(30)], 1, now)).toBe(30);
  });
  it("is unknown when the seats that would have to free up never expire", () => {
    expect(retryAfterSeconds([null, plus(5)], 1, now)).toBeNull();
    expect(retryAfterSeconds([null, null], 2, now)).toBeNull();
  });
  it("is at least one second", () => {
    expect(retryAfterSeconds([plus(0.0001)], 1, now)).toBe(1);
  });
});
