import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";

// The client ships inside vendors' desktop apps: it may use Node's own modules and its own files only.
describe("lib/client stays standalone", () => {
  it("imports nothing but node: modules and its own files", () => {
    const dir = import.meta.dirname;
    const files = readdirSync(dir).filter((f) => f.endsWith(".ts") && !f.endsWith(".test.ts") && f !== "test-signer.ts");
    expect(files).toContain("client.ts");
    for (const file of files) {
      const source = readFileSync(path.join(dir, file), "utf8");
      for (const match of source.matchAll(/(?:from|import)\s*\(?\s*["']([^"']+)["']/g)) {
        expect(match[1], `${file} imports ${match[1]}`).toMatch(/^(node:|\.\/)/);
      }
    }
  });
});
