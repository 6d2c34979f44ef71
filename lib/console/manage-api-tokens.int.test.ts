import { describe, expect, it } from "vitest";
import { authenticateApiToken } from "@/lib/auth/api-tokens";
import { db } from "@/lib/db";
import { makeStaff } from "@/lib/test/factories";
import { issueApiToken, listApiTokens, revokeApiToken } from "./manage-api-tokens";

describe("API tokens from the console", () => {
  it("issues a token once (digest stored), lists it, and revoking stops it at once", async () => {
    const { staff } = await makeStaff("READ_ONLY");
    const ctx = { actor: { type: "STAFF" as const, id: staff.id, label: staff.email }, now: new Date("2030-01-01T00:00:00Z") };
    const { token, id } = await issueApiToken({ name: "billing sync", expiresInDays: 30 }, staff.id, ctx);
    expect(token).toMatch(/^sw_admin_/);
    const stored = await db.apiToken.findUniqueOrThrow({ where: { id }, omit: { tokenHash: false } });
    expect(stored.tokenHash).not.toContain(token);
    expect(stored.expiresAt?.toISOString()).toBe("2030-01-31T00:00:00.000Z");

    // The token acts with its creator's role.
    await expect(authenticateApiToken(token, new Date("2030-01-02T00:00:00Z"))).resolves.toMatchObject({ role: "READ_ONLY", staffUserId: staff.id });
    expect((await listApiTokens(new Date("2030-01-02T00:00:00Z"))).find((t) => t.id === id)).toMatchObject({ status: "ACTIVE", name: "billing sync" });
    expect((await listApiTokens(new Date("2030-03-01T00:00:00Z"))).find((t) => t.id === id)?.status).toBe("EXPIRED");

    await revokeApiToken(id, ctx);
    await expect(authenticateApiToken(token, new Date("2030-01-02T00:00:00Z"))).rejects.toMatchObject({ code: "UNAUTHORIZED" });
    await expect(revokeApiToken(id, ctx)).rejects.toMatchObject({ code: "NOT_FOUND" });
    expect(await db.event.count({ where: { actorId: staff.id, action: { in: ["api_token.created", "api_token.revoked"] } } })).toBe(2);
  });
});
