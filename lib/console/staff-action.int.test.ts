import { beforeEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import type { TSessionUser } from "@/lib/auth/auth-options";
import { makeStaff } from "@/lib/test/factories";

// The session and request headers come from Next.js at run time; here they are set per test.
const session = vi.hoisted(() => ({ user: null as TSessionUser | null }));
vi.mock("@/lib/auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("../auth/session", () => ({ currentUser: async () => session.user }));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-forwarded-for": "203.0.113.9" }) }));

const { staffAction } = await import("./staff-action");
const { db } = await import("@/lib/db");

const asUser = (staff: { id: string; email: string; name: string; role: "ADMIN" | "READ_ONLY" }): TSessionUser => ({
  id: staff.id,
  email: staff.email,
  name: staff.name,
  kind: "staff",
  role: staff.role,
});

const ran = vi.fn();
const action = staffAction(z.object({ seats: z.coerce.number().int().min(1, "At least 1") }), async (input, ctx) => {
  ran(input, ctx);
  return { ok: true, message: `seats=${input.seats}` };
});

function form(values: Record<string, string>) {
  const data = new FormData();
  for (const [k, v] of Object.entries(values)) data.set(k, v);
  return data;
}

describe("staffAction", () => {
  beforeEach(() => {
    ran.mockReset();
    session.user = null;
  });

  it("runs for an admin with validated input and a staff context (actor, ip)", async () => {
    const { staff } = await makeStaff("ADMIN");
    session.user = asUser(staff);
    expect(await action(null, form({ seats: "3" }))).toEqual({ ok: true, message: "seats=3" });
    expect(ran).toHaveBeenCalledWith({ seats: 3 }, expect.objectContaining({ actor: { type: "STAFF", id: staff.id, label: staff.email }, ip: "203.0.113.9" }));
  });

  it("returns field errors for invalid input without running", async () => {
    const { staff } = await makeStaff("ADMIN");
    session.user = asUser(staff);
    expect(await action(null, form({ seats: "0" }))).toMatchObject({ ok: false, fieldErrors: { seats: "At least 1" } });
    expect(ran).not.toHaveBeenCalled();
  });

  it("refuses read-only staff, signed-out visitors, and a session whose role was lowered since sign-in", async () => {
    const { staff: viewer } = await makeStaff("READ_ONLY");
    session.user = asUser(viewer);
    expect(await action(null, form({ seats: "3" }))).toEqual({ ok: false, error: "Read-only staff can't make changes.", code: "FORBIDDEN" });

    session.user = null;
    expect(await action(null, form({ seats: "3" }))).toMatchObject({ ok: false });

    // The cookie still says ADMIN, the database says READ_ONLY: the database wins.
    const { staff: demoted } = await makeStaff("ADMIN");
    session.user = asUser(demoted);
    await db.staffUser.update({ where: { id: demoted.id }, data: { role: "READ_ONLY" } });
    expect(await action(null, form({ seats: "3" }))).toEqual({ ok: false, error: "Read-only staff can't make changes.", code: "FORBIDDEN" });

    const { staff: disabled } = await makeStaff("ADMIN");
    session.user = asUser(disabled);
    await db.staffUser.update({ where: { id: disabled.id }, data: { disabledAt: new Date() } });
    expect(await action(null, form({ seats: "3" }))).toMatchObject({ ok: false, error: expect.stringContaining("Sign in again") });
    expect(ran).not.toHaveBeenCalled();
  });

  it("turns domain errors into a message for the form", async () => {
    const { staff } = await makeStaff("ADMIN");
    session.user = asUser(staff);
    const { ApiError } = await import("@/lib/api/errors");
    const failing = staffAction(z.object({}), async () => {
      throw new ApiError("CONFLICT", "Already taken");
    });
    expect(await failing(null, form({}))).toEqual({ ok: false, error: "Already taken", code: "CONFLICT" });
  });
});
