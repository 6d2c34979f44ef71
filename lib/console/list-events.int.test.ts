import { describe, expect, it } from "vitest";
import { updateLicense } from "@/lib/admin/update-license";
import { db } from "@/lib/db";
import { recordEvent } from "@/lib/events/record-event";
import { makeLicense, uniq } from "@/lib/test/factories";
import { listEventActions, listEvents } from "./list-events";

describe("listEvents", () => {
  it("filters by actor, action (exact or prefix), license key or id, customer and date range", async () => {
    const { license, organization } = await makeLicense();
    const actor = `${uniq("alice")}@vendor.test`;
    const ctx = { actor: { type: "STAFF" as const, id: uniq("staff"), label: actor } };
    await updateLicense(license.id, { seats: 9 }, ctx);
    await updateLicense(license.id, { status: "SUSPENDED" }, ctx);
    await recordEvent(db, { ...ctx, now: new Date("2020-01-15T12:00:00Z") }, { action: "license.updated", licenseId: license.id, organizationId: organization.id });

    const mine = await listEvents({ actor: actor.slice(0, 10).toUpperCase() });
    expect(mine.total).toBe(3);
    expect(mine.events[0]).toMatchObject({ actorLabel: actor, licenseKey: license.key, organizationName: organization.name });

    expect((await listEvents({ actor, action: "license.suspended" })).total).toBe(1);
    expect((await listEvents({ actor, action: "license." })).total).toBe(3);
    expect((await listEvents({ license: license.key.toLowerCase() })).events.every((e) => e.licenseId === license.id)).toBe(true);
    expect((await listEvents({ license: license.id, action: "license.created" })).total).toBe(1);
    // organization.created, license.created, two updates and the back-dated one.
    expect((await listEvents({ customer: organization.name })).total).toBe(5);
    expect((await listEvents({ actor, from: "2020-01-15", to: "2020-01-15" })).total).toBe(1);
    expect((await listEvents({ actor, to: "2020-01-14" })).total).toBe(0);

    const oldestFirst = await listEvents({ actor, dir: "asc", pageSize: 1 });
    expect(oldestFirst.events[0]!.createdAt).toBe("2020-01-15T12:00:00.000Z");
    expect(await listEventActions()).toEqual(expect.arrayContaining(["license.created", "license.suspended", "license.updated"]));
  });
});
