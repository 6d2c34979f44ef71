import { describe, expect, it } from "vitest";
import { db } from "@/lib/db";
import { makePolicy, staffCtx, uniq } from "@/lib/test/factories";
import { createProduct } from "./create-product";
import { updatePolicy } from "./update-policy";
import { updateProduct } from "./update-product";

describe("updateProduct / updatePolicy", () => {
  it("renames a product, refuses a code another product uses, and logs the change", async () => {
    const { product } = await makePolicy();
    const other = await createProduct({ name: "Other", code: uniq("other") }, staffCtx);
    await expect(updateProduct(product.id, { code: other.code }, staffCtx)).rejects.toMatchObject({ code: "CONFLICT" });
    expect(await updateProduct(product.id, { name: "Renamed" }, staffCtx)).toMatchObject({ name: "Renamed", code: product.code });
    await expect(updateProduct("missing", { name: "x" }, staffCtx)).rejects.toMatchObject({ code: "NOT_FOUND" });
  });

  it("updates policy fields, clears the duration, and logs only what changed", async () => {
    const { policy } = await makePolicy({ seats: 5, durationDays: 365 });
    const updated = await updatePolicy(policy.id, { seats: 8, durationDays: null, model: "FLOATING", leaseDurationSeconds: 900 }, staffCtx);
    expect(updated).toMatchObject({ seats: 8, durationDays: null, model: "FLOATING", leaseDurationSeconds: 900 });
    const event = await db.event.findFirst({ where: { action: "policy.updated" }, orderBy: { createdAt: "desc" } });
    expect(event?.data).toMatchObject({ policyId: policy.id, changes: { seats: { from: 5, to: 8 }, durationDays: { from: 365, to: null } } });

    const before = await db.event.count({ where: { action: "policy.updated" } });
    await updatePolicy(policy.id, { seats: 8 }, staffCtx);
    expect(await db.event.count({ where: { action: "policy.updated" } })).toBe(before);
  });
});
