import { describe, expect, it } from "vitest";
import { toCsv } from "./csv";

describe("toCsv", () => {
  it("quotes every cell, doubles quotes, uses CRLF and leaves empty cells empty", () => {
    expect(toCsv(["a", "b"], [['say "hi"', null], [1, "x,y"]])).toBe('"a","b"\r\n"say ""hi""",""\r\n"1","x,y"\r\n');
  });

  it("neutralises spreadsheet formulas in user-controlled text", () => {
    for (const evil of ["=HYPERLINK(\"http://x\")", "+1", "-2+3", "@SUM(A1)"]) {
      expect(toCsv(["v"], [[evil]]).split("\r\n")[1]).toMatch(/^"'/);
    }
  });
});
