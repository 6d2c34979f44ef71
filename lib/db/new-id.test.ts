import { describe, expect, it } from "vitest";
import { newId } from "./new-id";

describe("newId", () => {
  it("looks like a cuid2 id: 24 lowercase letters and digits, a letter first", () => {
    for (let i = 0; i < 1000; i++) expect(newId()).toMatch(/^[a-z][a-z0-9]{23}$/);
  });

  it("does not repeat and uses the whole alphabet in every position", () => {
    const ids = Array.from({ length: 20_000 }, newId);
    expect(new Set(ids).size).toBe(ids.length);
    // 20,000 draws of 36 symbols: every symbol shows up at the last position (a biased or constant
    // position would not), and none takes more than twice its share.
    const counts = new Map<string, number>();
    for (const id of ids) counts.set(id[23]!, (counts.get(id[23]!) ?? 0) + 1);
    expect(counts.size).toBe(36);
    expect(Math.max(...counts.values())).toBeLessThan((2 * ids.length) / 36);
  });
});
