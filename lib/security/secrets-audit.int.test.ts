/**
 * Secrets audit: what must never be stored in the clear, logged or answered.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { POST as createToken } from "@/app/api/v1/admin/tokens/route";
import { POST as validate } from "@/app/api/v1/validate/route";
import { errorResponse } from "@/lib/api/handler";
import { OMIT_SECRETS } from "@/lib/db";
import { db } from "@/lib/db";
import { makeLicense, makeStaff } from "@/lib/test/factories";
import { callRoute } from "@/lib/test/http";

const ROOT = path.resolve(import.meta.dirname, "../..");
process.env.SEATWISE_RATE_LIMITS = "off";

afterEach(() => vi.restoreAllMocks());

describe("storage", () => {
  it("every secret-looking column of the schema is omitted from queries by default", () => {
    const schema = readFileSync(path.join(ROOT, "prisma/schema.prisma"), "utf8");
    const secretColumns: string[] = [];
    let model = "";
    for (const line of schema.split("\n")) {
      const m = /^model (\w+) \{/.exec(line);
      if (m) model = m[1]!;
      const field = /^\s+(\w+)\s+String/.exec(line);
      if (model && field && /hash|secret|encrypted|password/i.test(field[1]!)) secretColumns.push(`${model}.${field[1]}`);
    }
    expect(secretColumns.length).toBeGreaterThan(5);
    const omitted = Object.entries(OMIT_SECRETS).flatMap(([m, fields]) => Object.keys(fields).map((f) => `${m[0]!.toUpperCase()}${m.slice(1)}.${f}`));
    expect(secretColumns.filter((c) => !omitted.includes(c))).toEqual([]);
  });

  it("API tokens are stored as a digest; a failed sign-in stores neither the password nor the token", async () => {
    const { email, password } = await makeStaff();
    const basic = (p: string) => `Basic ${Buffer.from(`${email}:${p}`).toString("base64")}`;
    const wrong = "Wr0ng-Secret-Pa55word";
    expect((await callRoute(createToken, { method: "POST", headers: { authorization: basic(wrong) } })).status).toBe(401);
    const res = await callRoute(createToken, { method: "POST", headers: { authorization: basic(password) }, body: { name: "audit" } });
    expect(res.status).toBe(201);
    const token: string = res.json.token;
    const everything = JSON.stringify([
      await db.apiToken.findMany({ omit: { tokenHash: false } }),
      await db.event.findMany(),
      await db.staffUser.findMany({ omit: { passwordHash: false } }),
      await db.rateLimiterFlexible.findMany(),
    ]);
    expect(everything).not.toContain(token);
    expect(everything).not.toContain(token.slice(14));
    expect(everything).not.toContain(wrong);
    expect(everything).not.toContain(password);
    expect(everything).toContain("$argon2id$");
  });
});

describe("answers and logs", () => {
  it("an unexpected error answers a generic 500 and logs it without secrets", async () => {
    const log = vi.spyOn(console, "error").mockImplementation(() => undefined);
    const error = new Error("boom for sw_admin_SuperSecretToken1234567890 and key ABCDE-12345-FGHJK-67890-MNPQR-STVWX");
    const res = errorResponse(error);
    const text = await res.text();
    expect(res.status).toBe(500);
    expect(JSON.parse(text)).toEqual({ error: { code: "INTERNAL_ERROR", message: "Something went wrong on the server" } });
    const logged = log.mock.calls.flat().map(String).join("\n");
    expect(logged).toContain("boom for sw_admin_[redacted]");
    expect(logged).not.toContain("SuperSecretToken");
    expect(logged).not.toContain("ABCDE-12345");
  });

  it("error bodies never echo credentials, keys or stack traces", async () => {
    const { key } = await makeLicense();
    const secretish = "sw_admin_ThisShouldNeverComeBack000000000";
    const answers = [
      await callRoute(createToken, { method: "POST", headers: { authorization: `Basic ${Buffer.from(`nobody@x.test:${secretish}`).toString("base64")}` } }),
      await callRoute(validate, { rawBody: `{"key": "${key}", "fingerprint": ${"9".repeat(400)}}` }),
      await callRoute(validate, { body: { key: secretish, fingerprint: 5 } }),
      await callRoute(validate, { rawBody: `{"key": "${key}"` }),
    ];
    for (const a of answers) {
      expect(a.status).toBeGreaterThanOrEqual(400);
      expect(a.text).not.toContain(secretish);
      expect(a.text).not.toContain(key);
      expect(a.text).not.toMatch(/\bat\s+\S+\s*\(|\.ts:\d+|node_modules/);
    }
  });

  it("server code logs only through the redactor (CLI tools and tests excepted)", () => {
    const offenders: string[] = [];
    const walk = (dir: string) => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const full = path.join(dir, entry.name);
        const rel = path.relative(ROOT, full);
        if (entry.isDirectory()) {
          // lib/client/example is a CLI demo of the standalone client (it must import nothing from the server).
          if (!["generated", "cli", "test", "node_modules"].includes(entry.name) && rel !== path.join("lib", "client", "example")) walk(full);
        } else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
          readFileSync(full, "utf8")
            .split("\n")
            .forEach((line, i) => {
              if (/console\.(log|info|warn|error|debug)\(/.test(line) && !/describeErrorForLog|redactSecrets/.test(line)) offenders.push(`${rel}:${i + 1}: ${line.trim()}`);
            });
        }
      }
    };
    for (const dir of ["app", "lib", "components"]) walk(path.join(ROOT, dir));
    expect(offenders, "log through redactSecrets()/describeErrorForLog() from lib/security/redact.ts").toEqual([]);
  });
});
