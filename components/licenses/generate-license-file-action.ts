"use server";

import { ApiError } from "@/lib/api/errors";
import { requireAdminStaff } from "@/lib/auth/staff-context";
import { activateAndIssueLicenseFile } from "@/lib/license-files/issue-license-file";
import { decodeLicenseFile } from "@/lib/license-files/verify-license-file";
import { findLicenseById } from "@/lib/licensing/find-license";
import { licenseFileName, ZActivationFormInput } from "@/lib/license-files/activation-form";
import { describeErrorForLog } from "../../lib/security/redact";

export type TGenerateResult =
  | { ok: true; fileName: string; licenseFile: string; created: boolean; validUntil: string }
  | { ok: false; message: string; field?: "machineCode" | "friendlyName" };

const ZInput = ZActivationFormInput.omit({ key: true });

/** Console: activates the machine on the license if needed and returns its signed file. ADMIN staff only. */
export async function generateLicenseFileAction(licenseId: string, input: { machineCode: string; friendlyName?: string }): Promise<TGenerateResult> {
  const staff = await requireAdminStaff();
  if (!staff.ok) return staff;
  const parsed = ZInput.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    return { ok: false, message: issue.message, field: issue.path[0] as "machineCode" | "friendlyName" };
  }
  const license = await findLicenseById(String(licenseId));
  if (!license) return { ok: false, message: "This license no longer exists." };
  try {
    const { machineCode, friendlyName } = parsed.data;
    const issued = await activateAndIssueLicenseFile(
      license,
      { fingerprint: machineCode, ...(friendlyName ? { friendlyName } : {}) },
      staff.ctx,
      "console",
    );
    const payload = JSON.parse(Buffer.from(decodeLicenseFile(issued.licenseFile)!.payload, "base64").toString("utf8"));
    return { ok: true, fileName: licenseFileName(machineCode), licenseFile: issued.licenseFile, created: issued.created, validUntil: payload.validUntil };
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, message: `${error.message}.` };
    console.error("[license-file] generation failed", describeErrorForLog(error));
    return { ok: false, message: "The license file could not be generated. Try again." };
  }
}
