import { describe, expect, it } from "vitest";
import { checkInDueAt, cooldownHours, goodwillSeats, isCheckInOverdue, missingEntitlements, normalizeEntitlements, seatFreedAt } from "./rule-settings";

const nodeLocked = { policy: { model: "NODE_LOCKED" as const, kind: "STANDARD" as const, goodwillSeats: 2, deactivationCooldownHours: 24, checkInIntervalDays: 7, entitlements: ["b", "a"] } };

describe("rule settings", () => {
  it("license overrides win over the policy; null inherits", () => {
    expect(goodwillSeats(nodeLocked)).toBe(2);
    expect(goodwillSeats({ ...nodeLocked, goodwillSeats: 0 })).toBe(0);
    expect(goodwillSeats({ ...nodeLocked, goodwillSeats: null })).toBe(2);
    expect(cooldownHours({ ...nodeLocked, deactivationCooldownHours: 1 })).toBe(1);
  });

  it("floating and evaluation licenses have no goodwill; floating has no cooldown", () => {
    expect(goodwillSeats({ policy: { ...nodeLocked.policy, model: "FLOATING" } })).toBe(0);
    expect(goodwillSeats({ policy: { ...nodeLocked.policy, kind: "EVALUATION" } })).toBe(0);
    expect(cooldownHours({ policy: { ...nodeLocked.policy, model: "FLOATING" } })).toBe(0);
    expect(seatFreedAt({ policy: { ...nodeLocked.policy, model: "FLOATING" } }, new Date())).toBeNull();
  });

  it("cooldown ends the given hours after deactivation", () => {
    const at = new Date("2026-01-01T00:00:00Z");
    expect(seatFreedAt(nodeLocked, at)?.toISOString()).toBe("2026-01-02T00:00:00.000Z");
  });

  it("check-in is overdue exactly when the interval has passed", () => {
    const seen = new Date("2026-01-01T00:00:00Z");
    expect(checkInDueAt(nodeLocked, seen)?.toISOString()).toBe("2026-01-08T00:00:00.000Z");
    expect(isCheckInOverdue(nodeLocked, seen, new Date("2026-01-07T23:59:59Z"))).toBe(false);
    expect(isCheckInOverdue(nodeLocked, seen, new Date("2026-01-08T00:00:00Z"))).toBe(true);
    expect(isCheckInOverdue({ policy: { ...nodeLocked.policy, checkInIntervalDays: null } }, seen, new Date("2030-01-01"))).toBe(false);
  });

  it("entitlements: union of policy and license, missing ones reported", () => {
    expect(missingEntitlements({ ...nodeLocked, entitlements: ["c"] }, ["a", "c", "d", "d"])).toEqual(["d"]);
    expect(normalizeEntitlements([" x ", "", "x", "a"])).toEqual(["a", "x"]);
  });
});
