import { describe, expect, it } from "vitest";
import { PATCH as patchLicense } from "@/app/api/v1/admin/licenses/[id]/route";
import { PATCH as patchPolicy } from "@/app/api/v1/admin/policies/[id]/route";
import { POST as activate } from "@/app/api/v1/activations/route";
import { POST as deactivate } from "@/app/api/v1/deactivations/route";
import { POST as heartbeat } from "@/app/api/v1/heartbeats/route";
import { POST as validate } from "@/app/api/v1/validate/route";
import { createLicense } from "../admin/create-license";
import { db } from "../db";
import { activateSeat } from "../licensing/activate-seat";
import { countSeatsInUse } from "../licensing/count-seats";
import { deactivateActivationById, deactivateSeat } from "../licensing/deactivate-seat";
import { heartbeatSeat } from "../licensing/heartbeat-seat";
import { validateSeat } from "../licensing/validate-seat";
import { licenseFilePayload } from "../license-files/build-license-file";
import { findLicenseById } from "../licensing/find-license";
import { callRoute } from "../test/http";
import { makeAdminToken, makeLicense, staffCtx } from "../test/factories";

const T0 = new Date("2026-03-01T00:00:00Z");
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const at = (ms: number) => ({ actor: { type: "LICENSE_KEY" as const }, ip: "127.0.0.1", now: new Date(T0.getTime() + ms) });

describe("deactivation cooldown", () => {
  it("a node-locked seat deactivated by the device keeps counting until seatFreedAt", async () => {
    const { key, license } = await makeLicense({ policy: { seats: 1, deactivationCooldownHours: 24 } });
    await activateSeat({ key, fingerprint: "a" }, at(0));
    const res = await deactivateSeat({ key, fingerprint: "a" }, at(HOUR));
    expect(res.seatFreedAt).toBe(new Date(T0.getTime() + 25 * HOUR).toISOString());
    expect(res.activation.seatFreedAt).toBe(res.seatFreedAt);
    await expect(activateSeat({ key, fingerprint: "b" }, at(2 * HOUR))).rejects.toMatchObject({ code: "SEAT_LIMIT_REACHED" });
    expect(await countSeatsInUse(db, license.id, at(25 * HOUR - 1).now)).toBe(1);
    expect((await activateSeat({ key, fingerprint: "b" }, at(25 * HOUR))).created).toBe(true);
  });

  it("the HTTP answer carries seatFreedAt; staff deactivation and floating licenses have no cooldown", async () => {
    const { key } = await makeLicense({ policy: { seats: 2, deactivationCooldownHours: 48 } });
    await callRoute(activate, { body: { key, fingerprint: "a" } });
    const b = await callRoute(activate, { body: { key, fingerprint: "b" } });
    const res = await callRoute(deactivate, { body: { key, fingerprint: "a" } });
    expect(new Date(res.json.seatFreedAt).getTime() - new Date(res.json.activation.deactivatedAt).getTime()).toBe(48 * HOUR);
    const staff = await deactivateActivationById(b.json.activation.id, staffCtx);
    expect(staff.seatFreedAt).toBe(staff.activation.deactivatedAt);

    const floating = await makeLicense({ policy: { model: "FLOATING", seats: 1, deactivationCooldownHours: 48 } });
    await activateSeat({ key: floating.key, fingerprint: "f" }, at(0));
    const freed = await deactivateSeat({ key: floating.key, fingerprint: "f" }, at(10));
    expect(freed.seatFreedAt).toBe(at(10).now.toISOString());
    expect((await activateSeat({ key: floating.key, fingerprint: "g" }, at(11))).created).toBe(true);
  });
});

describe("evaluation licenses", () => {
  it("exactly one seat; expires evaluationDays after the first activation; one evaluation per machine per product", async () => {
    const { key, license, policy, organization } = await makeLicense({ policy: { kind: "EVALUATION", evaluationDays: 14, seats: 5 } });
    const first = await activateSeat({ key, fingerprint: "m1" }, at(DAY));
    expect(first.license.seats.limit).toBe(1);
    expect(first.license.expiresAt).toBe(new Date(T0.getTime() + 15 * DAY).toISOString());
    await expect(activateSeat({ key, fingerprint: "m2" }, at(2 * DAY))).rejects.toMatchObject({ code: "SEAT_LIMIT_REACHED" });
    // Re-activating later does not restart the clock.
    await deactivateSeat({ key, fingerprint: "m1" }, at(3 * DAY));
    expect((await activateSeat({ key, fingerprint: "m1" }, at(4 * DAY))).license.expiresAt).toBe(first.license.expiresAt);
    await expect(activateSeat({ key, fingerprint: "m1" }, at(15 * DAY))).rejects.toMatchObject({ code: "LICENSE_EXPIRED" });

    const second = await createLicense({ policyId: policy.id, organizationId: organization.id }, staffCtx);
    const res = await callRoute(activate, { body: { key: second.key, fingerprint: "m1" } });
    expect([res.status, res.json.error.code]).toEqual([409, "EVALUATION_ALREADY_USED"]);
    expect((await activateSeat({ key: second.key, fingerprint: "m3" }, at(DAY))).created).toBe(true);
    expect(license.id).not.toBe(second.id);
  });
});

describe("moving a device", () => {
  it("activating another license of the same product and organization frees the old seat and logs it", async () => {
    const { key, policy, organization, license: oldLicense } = await makeLicense({ policy: { seats: 1 } });
    const newLicense = await createLicense({ policyId: policy.id, organizationId: organization.id }, staffCtx);
    const old = await activateSeat({ key, fingerprint: "pc" }, at(0));
    await activateSeat({ key: newLicense.key, fingerprint: "pc" }, at(10));
    const row = await db.activation.findUniqueOrThrow({ where: { id: old.activation.id } });
    expect(row).toMatchObject({ deactivatedBy: "MOVED" });
    expect(await countSeatsInUse(db, oldLicense.id, at(11).now)).toBe(0);
    const moved = await db.event.findFirstOrThrow({ where: { action: "activation.moved", activationId: old.activation.id } });
    expect(moved.data).toMatchObject({ fingerprint: "pc", toLicenseId: newLicense.id });
    // Another organization's license of the same product is left alone.
    const other = await makeLicense({ policy: { seats: 1 } });
    await activateSeat({ key: other.key, fingerprint: "pc" }, at(20));
    expect(await countSeatsInUse(db, newLicense.id, at(21).now)).toBe(1);
  });
});

describe("mandatory check-in and remote deactivation", () => {
  it("validate answers CHECK_IN_OVERDUE after the interval; a heartbeat checks in; validate does not", async () => {
    const { key, license } = await makeLicense({ policy: { checkInIntervalDays: 7 } });
    await activateSeat({ key, fingerprint: "a" }, at(0));
    const fresh = await validateSeat({ key, fingerprint: "a" }, at(6 * DAY));
    expect([fresh.code, fresh.checkInDueAt]).toEqual(["VALID", new Date(T0.getTime() + 7 * DAY).toISOString()]);
    expect((await validateSeat({ key, fingerprint: "a" }, at(7 * DAY))).code).toBe("CHECK_IN_OVERDUE");
    await heartbeatSeat({ key, fingerprint: "a" }, at(8 * DAY));
    expect((await validateSeat({ key, fingerprint: "a" }, at(9 * DAY))).code).toBe("VALID");
    // The license file lives as long as the check-in interval.
    const full = await findLicenseById(license.id);
    expect(licenseFilePayload(full!, { id: "x", fingerprint: "a", leaseExpiresAt: null }, T0).validUntil).toBe(new Date(T0.getTime() + 7 * DAY).toISOString());
  });

  it("a seat deleted by staff answers DEACTIVATED on validate (200) and heartbeat (403); a device's own release does not", async () => {
    const { key } = await makeLicense();
    const a = await activateSeat({ key, fingerprint: "a" }, at(0));
    await deactivateActivationById(a.activation.id, { actor: { type: "STAFF", id: "s1", label: "staff@vendor.test" } });
    const v = await callRoute(validate, { body: { key, fingerprint: "a" } });
    expect([v.status, v.json.code, v.json.valid]).toEqual([200, "DEACTIVATED", false]);
    const h = await callRoute(heartbeat, { body: { key, fingerprint: "a" } });
    expect([h.status, h.json.error.code]).toEqual([403, "DEACTIVATED"]);
    // Activating again clears it.
    await activateSeat({ key, fingerprint: "a" }, at(10));
    expect((await validateSeat({ key, fingerprint: "a" }, at(11))).code).toBe("VALID");

    await activateSeat({ key, fingerprint: "b" }, at(0));
    await deactivateSeat({ key, fingerprint: "b" }, at(1));
    expect((await validateSeat({ key, fingerprint: "b" }, at(2))).code).toBe("NOT_ACTIVATED");

    // A floating lease revoked by staff answers the same.
    const floating = await makeLicense({ policy: { model: "FLOATING", seats: 1 } });
    const lease = await activateSeat({ key: floating.key, fingerprint: "f" }, at(0));
    await deactivateActivationById(lease.activation.id, { actor: { type: "STAFF", id: "s1" }, now: at(5).now });
    await expect(heartbeatSeat({ key: floating.key, fingerprint: "f" }, at(10))).rejects.toMatchObject({ code: "DEACTIVATED", status: 403 });
  });
});

describe("entitlements", () => {
  it("validate answers ENTITLEMENTS_MISSING with the missing codes; policy and license codes add up", async () => {
    const { key, license, policy } = await makeLicense({ policy: { entitlements: ["export-pdf"] } });
    const { authorization } = await makeAdminToken();
    await callRoute(patchLicense, { method: "PATCH", params: { id: license.id }, headers: { authorization }, body: { entitlements: ["cloud-sync"] } });
    await activateSeat({ key, fingerprint: "a" }, at(0));
    const ok = await callRoute(validate, { body: { key, fingerprint: "a", entitlements: ["export-pdf", "cloud-sync"] } });
    expect([ok.json.code, ok.json.license.entitlements]).toEqual(["VALID", ["cloud-sync", "export-pdf"]]);
    const missing = await callRoute(validate, { body: { key, entitlements: ["export-pdf", "ai", "3d"] } });
    expect([missing.json.code, missing.json.missingEntitlements]).toEqual(["ENTITLEMENTS_MISSING", ["ai", "3d"]]);
    const p = await callRoute(patchPolicy, { method: "PATCH", params: { id: policy.id }, headers: { authorization }, body: { entitlements: ["ai", "3d", "ai"] } });
    expect(p.json.policy.entitlements).toEqual(["3d", "ai"]);
    expect((await callRoute(validate, { body: { key, entitlements: ["ai", "3d", "cloud-sync"] } })).json.code).toBe("VALID");
    const bad = await callRoute(patchPolicy, { method: "PATCH", params: { id: policy.id }, headers: { authorization }, body: { entitlements: ["has space"] } });
    expect(bad.json.error.code).toBe("INVALID_REQUEST");
  });
});

describe("seat changes and rule overrides are logged with before and after", () => {
  it("PATCH seats and overrides writes one license.updated event with from/to; the password is never logged", async () => {
    const { license } = await makeLicense({ policy: { seats: 5 } });
    const { authorization } = await makeAdminToken();
    const res = await callRoute(patchLicense, {
      method: "PATCH",
      params: { id: license.id },
      headers: { authorization },
      body: { seats: 8, goodwillSeats: 2, deactivationCooldownHours: 12, checkInIntervalDays: 3, activationPassword: "s3cret-pw" },
    });
    expect(res.status).toBe(200);
    expect(res.json.license.rules.effective).toEqual({ goodwillSeats: 2, deactivationCooldownHours: 12, checkInIntervalDays: 3 });
    const event = await db.event.findFirstOrThrow({ where: { licenseId: license.id, action: "license.updated" }, orderBy: { createdAt: "desc" } });
    expect(event.data).toEqual({
      changes: {
        seats: { from: null, to: 8 },
        goodwillSeats: { from: null, to: 2 },
        deactivationCooldownHours: { from: null, to: 12 },
        checkInIntervalDays: { from: null, to: 3 },
        activationPassword: { from: "none", to: "set" },
      },
    });
    expect(JSON.stringify(event.data)).not.toContain("s3cret");
  });
});
