import { describe, expect, it } from "vitest";
import { firstParams, parseTableParams } from "./params";

const SORTS = ["createdAt", "name"] as const;
const fallback = { id: "createdAt" as const, desc: true };

describe("table URL params", () => {
  it("keeps the first of repeated params and drops empty ones", () => {
    expect(firstParams({ q: ["a", "b"], empty: "", missing: undefined, page: "2" })).toEqual({ q: "a", page: "2" });
  });

  it("reads page, size and sort, falling back on anything malformed", () => {
    expect(parseTableParams({ page: "3", size: "50", sort: "name", dir: "asc" }, SORTS, fallback)).toEqual({ page: 3, pageSize: 50, sort: { id: "name", desc: false } });
    expect(parseTableParams({ page: "-1", size: "9999", sort: "password" }, SORTS, fallback)).toEqual({ page: 1, pageSize: 25, sort: fallback });
    expect(parseTableParams({ page: "abc" }, SORTS, fallback).page).toBe(1);
    // A new sort column starts ascending unless the URL says otherwise.
    expect(parseTableParams({ sort: "name" }, SORTS, fallback).sort).toEqual({ id: "name", desc: false });
  });
});
