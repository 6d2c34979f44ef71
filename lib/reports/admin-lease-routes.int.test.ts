import { describe, expect, it } from "vitest";
import { GET as getConcurrency } from "@/app/api/v1/admin/licenses/[id]/concurrency/route";
import { GET as getLeases } from "@/app/api/v1/admin/licenses/[id]/leases/route";
import { POST as activate } from "@/app/api/v1/activations/route";
import { callRoute } from "@/lib/test/http";
import { makeAdminToken, makeLicense } from "@/lib/test/factories";

describe("admin API: leases and concurrency", () => {
  it("lists current leases and the concurrency report (JSON and CSV), read-only tokens included", async () => {
    const { key, license } = await makeLicense({ policy: { model: "FLOATING", seats: 1 } });
    await callRoute(activate, { body: { key, fingerprint: "fp-1", friendlyName: "Kiosk" } });
    const refused = await callRoute(activate, { body: { key, fingerprint: "fp-2" } });
    expect(refused.status).toBe(409);
    expect(Number(refused.headers.get("retry-after"))).toBeGreaterThan(3500);
    const { authorization } = await makeAdminToken("READ_ONLY");
    const params = { id: license.id };

    const leases = await callRoute(getLeases, { params, headers: { authorization } });
    expect(leases.status).toBe(200);
    expect(leases.json.leases).toEqual([expect.objectContaining({ fingerprint: "fp-1", friendlyName: "Kiosk" })]);

    const report = await callRoute(getConcurrency, { params, headers: { authorization }, query: { range: "24h", bucket: "hour" } });
    expect(report.status).toBe(200);
    expect(report.json).toMatchObject({ seatLimit: 1, bucket: "hour", summary: { peak: 1, refused: 1 } });
    expect(report.json.points).toHaveLength(24);

    const csv = await callRoute(getConcurrency, { params, headers: { authorization }, query: { range: "7d", bucket: "day", format: "csv" } });
    expect(csv.headers.get("content-type")).toContain("text/csv");
    expect(csv.text.trim().split("\r\n")).toHaveLength(8);

    expect((await callRoute(getLeases, { params: { id: "nope" }, headers: { authorization } })).status).toBe(404);
    expect((await callRoute(getLeases, { params })).status).toBe(401);
  });
});
