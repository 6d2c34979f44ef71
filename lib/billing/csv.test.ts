import { describe, expect, it } from "vitest";
import { csvField, csvLine } from "./csv";

describe("csv", () => {
  it("quotes commas, quotes and line breaks, and doubles inner quotes", () => {
    expect(csvLine(["plain", 'say "hi"', "a,b", "two\nlines", null, 7])).toBe('plain,"say ""hi""","a,b","two\nlines",,7\r\n');
  });

  it("defuses spreadsheet formulas in text but leaves numbers alone", () => {
    expect(csvField("=HYPERLINK(\"x\")")).toBe(`"'=HYPERLINK(""x"")"`);
    expect(csvField("+1")).toBe("'+1");
    expect(csvField("@sum")).toBe("'@sum");
    expect(csvField(-3)).toBe("-3");
  });
});
