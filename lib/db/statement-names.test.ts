import { afterEach, describe, expect, it, vi } from "vitest";
import { statementNamer } from "./statement-names";

afterEach(() => vi.unstubAllEnvs());

describe("statementNamer", () => {
  it("names a statement by its text: the same text, the same name; another text, another name", () => {
    const name = statementNamer()!;
    const a = name({ sql: 'SELECT 1 FROM "License" WHERE "key" = $1' });
    expect(a).toMatch(/^sw_[\w-]{27}$/);
    expect(name({ sql: 'SELECT 1 FROM "License" WHERE "key" = $1' })).toBe(a);
    expect(name({ sql: 'SELECT 2 FROM "License" WHERE "key" = $1' })).not.toBe(a);
  });

  it("stops naming new texts after 2,000 (they run unnamed) but keeps the names it gave", () => {
    const name = statementNamer()!;
    const first = name({ sql: "SELECT 0" });
    for (let i = 1; i < 2_000; i++) expect(name({ sql: `SELECT ${i}` })).not.toBe("");
    expect(name({ sql: "SELECT 2000" })).toBe("");
    expect(name({ sql: "SELECT 0" })).toBe(first);
  });

  it("is off with DATABASE_STATEMENT_CACHE=off", () => {
    vi.stubEnv("DATABASE_STATEMENT_CACHE", "off");
    expect(statementNamer()).toBeUndefined();
  });
});
