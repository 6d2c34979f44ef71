"use server";

import { runPortalAction, type TPortalActionResult } from "@/app/portal/run-action";
import { headers } from "next/headers";
import { z } from "zod";
import { requestIp } from "@/lib/api/request-ip";
import { portalChangeActivationPassword, portalChangeAdministratorEmail, type TActivationPasswordChange } from "@/lib/portal/license-settings";
import { orgActorOrThrow } from "@/lib/portal/session";

export type TSettingsResult<T = unknown> = TPortalActionResult<T>;


const ZLicenseId = z.string().min(1).max(64);

export async function changeActivationPasswordAction(licenseId: string, input: TActivationPasswordChange) {
  const removing = input?.intent === "remove";
  return runPortalAction(async () => {
    const actor = await orgActorOrThrow();
    return portalChangeActivationPassword(actor, ZLicenseId.parse(licenseId), input, requestIp(await headers()));
  }, removing ? "Activation password removed: any device with the license key can activate." : "Activation password saved: new devices must enter it.");
}

export async function changeAdministratorEmailAction(licenseId: string, email: string) {
  return runPortalAction(async () => {
    const actor = await orgActorOrThrow();
    return portalChangeAdministratorEmail(actor, ZLicenseId.parse(licenseId), z.string().max(320).parse(email), requestIp(await headers()));
  }, "Email changed. Sign in with the new address from now on; the old address was notified.");
}
