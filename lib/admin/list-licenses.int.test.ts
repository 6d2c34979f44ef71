import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { activateSeat } from "@/lib/licensing/activate-seat";
import { makeLicense, staffCtx, uniq } from "@/lib/test/factories";
import { listLicenses } from "./list-licenses";

const DAY = 86_400_000;
const base = { page: 1, pageSize: 50 };

async function activate(key: string, n: number) {
  for (let i = 0; i < n; i++) await activateSeat({ key, fingerprint: uniq("fp") }, staffCtx);
}

describe("listLicenses (console filters)", () => {
  it("filters by seat utilization: unused, in use, 80 % or more, at or over the limit", async () => {
    const tag = uniq("util");
    const empty = await makeLicense({ license: { seats: 5, name: `${tag}-empty` } });
    const some = await makeLicense({ license: { seats: 5, name: `${tag}-some` } });
    const high = await makeLicense({ license: { seats: 5, name: `${tag}-high` } });
    const full = await makeLicense({ license: { seats: 2, name: `${tag}-full` } });
    await activate(some.key, 1);
    await activate(high.key, 4);
    await activate(full.key, 2);
    // A deactivated seat (no cooldown) no longer counts.
    const gone = await makeLicense({ license: { seats: 1, name: `${tag}-gone` } });
    await activate(gone.key, 1);
    await db.activation.updateMany({ where: { licenseId: gone.license.id }, data: { deactivatedAt: new Date() } });

    const names = async (utilization: "unused" | "in_use" | "high" | "full") =>
      (await listLicenses({ ...base, q: tag, utilization, sort: "name", dir: "asc" })).licenses.map((l) => l.name);
    expect(await names("unused")).toEqual([`${tag}-empty`, `${tag}-gone`]);
    expect(await names("in_use")).toEqual([`${tag}-full`, `${tag}-high`, `${tag}-some`]);
    expect(await names("high")).toEqual([`${tag}-full`, `${tag}-high`]);
    expect(await names("full")).toEqual([`${tag}-full`]);
    expect(empty.license.id).toBeTruthy();
  });

  it("filters by expiry window and customer name, and reports seats used for the page", async () => {
    const tag = uniq("exp");
    const now = new Date();
    const soon = await makeLicense({ license: { name: `${tag}-soon`, expiresAt: new Date(now.getTime() + 10 * DAY) } });
    await makeLicense({ license: { name: `${tag}-later`, expiresAt: new Date(now.getTime() + 90 * DAY) } });
    await makeLicense({ license: { name: `${tag}-past`, expiresAt: new Date(now.getTime() - DAY) } });
    await activate(soon.key, 2);

    const within30 = await listLicenses({ ...base, q: tag, expiringWithinDays: 30 });
    expect(within30.total).toBe(1);
    expect(within30.licenses[0]).toMatchObject({ name: `${tag}-soon`, seats: { used: 2, limit: 5 } });

    const byCustomer = await listLicenses({ ...base, customer: soon.organization.name.toUpperCase() });
    expect(byCustomer.licenses.map((l) => l.id)).toEqual([soon.license.id]);
  });

  it("sorts by customer and by expiry (never-expiring last), with stable pages", async () => {
    const tag = uniq("sort");
    const a = await makeLicense({ license: { name: `${tag}-1`, expiresAt: new Date(Date.now() + 5 * DAY) } });
    const b = await makeLicense({ license: { name: `${tag}-2`, expiresAt: null } });
    const c = await makeLicense({ license: { name: `${tag}-3`, expiresAt: new Date(Date.now() + 2 * DAY) } });
    const byExpiry = await listLicenses({ ...base, q: tag, sort: "expiresAt", dir: "asc" });
    expect(byExpiry.licenses.map((l) => l.id)).toEqual([c.license.id, a.license.id, b.license.id]);

    const byCustomer = await listLicenses({ ...base, q: tag, sort: "customer", dir: "desc" });
    const expected = [a, b, c].sort((x, y) => y.organization.name.localeCompare(x.organization.name)).map((x) => x.license.id);
    expect(byCustomer.licenses.map((l) => l.id)).toEqual(expected);

    const page2 = await listLicenses({ page: 2, pageSize: 2, q: tag, sort: "expiresAt", dir: "asc" });
    expect(page2).toMatchObject({ total: 3, page: 2 });
    expect(page2.licenses.map((l) => l.id)).toEqual([b.license.id]);
  });
});
