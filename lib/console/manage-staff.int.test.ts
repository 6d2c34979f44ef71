import { describe, expect, it } from "vitest";
import { authenticateStaffPassword } from "@/lib/auth/api-tokens";
import { db } from "@/lib/db";
import { makeStaff, uniq } from "@/lib/test/factories";
import { createStaff, updateStaff } from "./manage-staff";

const ctx = (id: string) => ({ actor: { type: "STAFF" as const, id, label: "admin@test" } });

describe("staff management", () => {
  it("creates a member who can sign in with the initial password; duplicates are refused", async () => {
    const { staff: admin } = await makeStaff("ADMIN");
    const email = `${uniq("new")}@Example.test`;
    const created = await createStaff({ email, name: "New", role: "READ_ONLY", password: "initial-password-1" }, ctx(admin.id));
    expect(created).toMatchObject({ email: email.toLowerCase(), role: "READ_ONLY" });
    await expect(authenticateStaffPassword(email, "initial-password-1")).resolves.toMatchObject({ id: created.id });
    await expect(createStaff({ email, name: "Again", role: "ADMIN", password: "initial-password-1" }, ctx(admin.id))).rejects.toMatchObject({ code: "CONFLICT" });
    const event = await db.event.findFirst({ where: { action: "staff.created", actorId: admin.id } });
    expect(JSON.stringify(event?.data)).not.toContain("initial-password-1");
  });

  it("changes roles and disables members, but never oneself and never the last admin", async () => {
    const { staff: admin } = await makeStaff("ADMIN");
    const { staff: other } = await makeStaff("READ_ONLY");
    await expect(updateStaff(admin.id, { role: "READ_ONLY" }, ctx(admin.id))).rejects.toMatchObject({ code: "FORBIDDEN" });
    expect(await updateStaff(other.id, { role: "ADMIN" }, ctx(admin.id))).toMatchObject({ role: "ADMIN" });
    const disabled = await updateStaff(other.id, { disabled: true }, ctx(admin.id));
    expect(disabled.disabledAt).toBeInstanceOf(Date);
    expect((await updateStaff(other.id, { disabled: false }, ctx(admin.id))).disabledAt).toBeNull();

    // Leave exactly one enabled admin, then try to demote them.
    await db.staffUser.updateMany({ where: { role: "ADMIN", id: { not: admin.id } }, data: { disabledAt: new Date() } });
    await expect(updateStaff(admin.id, { role: "READ_ONLY" }, ctx(other.id))).rejects.toMatchObject({ code: "CONFLICT" });
    await expect(updateStaff(admin.id, { disabled: true }, ctx(other.id))).rejects.toMatchObject({ code: "CONFLICT" });
  });
});
