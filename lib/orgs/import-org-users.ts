import "server-only";
import Papa from "papaparse";
import { ApiError } from "../api/errors";
import type { TContext } from "../events/record-event";
import { createOrgUser } from "./create-org-user";
import { ZCreateOrgUser } from "./schemas";

export const MAX_IMPORT_ROWS = 1000;
export const MAX_IMPORT_BYTES = 512 * 1024;

export type TImportRowResult = {
  /** Line in the file (the header is line 1). */
  line: number;
  email: string;
  status: "created" | "skipped" | "failed";
  message: string;
};

const TRUE = new Set(["1", "true", "yes", "y", "x"]);

function flag(value: string | undefined): boolean | undefined {
  if (value === undefined || value.trim() === "") return undefined;
  return TRUE.has(value.trim().toLowerCase());
}

function role(value: string | undefined): string {
  const v = (value ?? "").trim().toUpperCase().replace(/[\s-]/g, "_");
  if (v === "" || v === "MEMBER" || v === "USER") return "MEMBER";
  if (v === "ADMIN" || v === "ORG_ADMIN") return "ORG_ADMIN";
  return v;
}

/**
 * Imports users from CSV (header row: email, name, and optionally role, canManageUsers, canDeactivateSeats).
 * Every row is its own transaction and gets its own result line, so one bad row never hides the rest.
 * Each created user gets an invitation email.
 */
export async function importOrgUsers(organizationId: string, csv: string, ctx: TContext) {
  if (csv.length > MAX_IMPORT_BYTES) throw new ApiError("INVALID_REQUEST", `The file is larger than ${MAX_IMPORT_BYTES / 1024} KB`);
  const parsed = Papa.parse<Record<string, string>>(csv.replace(/^\uFEFF/, ""), {
    header: true,
    skipEmptyLines: "greedy",
    transformHeader: (h) => h.trim().toLowerCase().replace(/[\s_-]/g, ""),
  });
  const fields = parsed.meta.fields ?? [];
  if (!fields.includes("email") || !fields.includes("name")) {
    throw new ApiError("INVALID_REQUEST", "The first line must name the columns, with at least email and name");
  }
  if (parsed.data.length > MAX_IMPORT_ROWS) throw new ApiError("INVALID_REQUEST", `Import at most ${MAX_IMPORT_ROWS} rows at a time`);

  const results: TImportRowResult[] = [];
  const seen = new Set<string>();
  for (const [index, row] of parsed.data.entries()) {
    const line = index + 2;
    const email = (row.email ?? "").trim().toLowerCase();
    const input = ZCreateOrgUser.safeParse({
      email,
      name: row.name ?? "",
      role: role(row.role),
      canManageUsers: flag(row.canmanageusers),
      canDeactivateSeats: flag(row.candeactivateseats),
    });
    if (!input.success) {
      const issue = input.error.issues[0]!;
      results.push({ line, email, status: "failed", message: `${issue.path.join(".") || "row"}: ${issue.message}` });
      continue;
    }
    if (seen.has(email)) {
      results.push({ line, email, status: "skipped", message: "Duplicate of an earlier line" });
      continue;
    }
    seen.add(email);
    try {
      await createOrgUser(organizationId, input.data, ctx);
      results.push({ line, email, status: "created", message: "Invitation sent" });
    } catch (error) {
      if (error instanceof ApiError && error.code === "CONFLICT") results.push({ line, email, status: "skipped", message: "A user with this email already exists" });
      else if (error instanceof ApiError) results.push({ line, email, status: "failed", message: error.message });
      else throw error;
    }
  }
  const count = (status: TImportRowResult["status"]) => results.filter((r) => r.status === status).length;
  return { results, created: count("created"), skipped: count("skipped"), failed: count("failed") };
}
