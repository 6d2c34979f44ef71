import "server-only";
import { z } from "zod";
import { ApiError } from "../api/errors";
import { db } from "../db";
import { changeActivationPassword, changeAdministratorEmail, ZActivationPassword } from "../rules/manage-license-admin";
import { actorContext, assertOrgAdmin, type TOrgActor } from "./actor";

/**
 * Portal view of one license's administration: who its License Administrator is and whether an
 * activation password is set (never the password or its hash). Admin area: members get 404, and a
 * license of another organization is "not found" for everyone, so its existence doesn't leak.
 */
export async function getLicenseSettings(actor: TOrgActor, licenseId: string) {
  const license = await findOrgLicense(actor, licenseId);
  const administrator = license.administratorId
    ? await db.orgUser.findFirst({ where: { id: license.administratorId }, select: { id: true, email: true, name: true, disabledAt: true } })
    : null;
  return {
    id: license.id,
    name: license.name,
    product: license.policy.product.name,
    policy: license.policy.name,
    passwordSet: license.activationPasswordHash !== null,
    administrator: administrator ? { id: administrator.id, email: administrator.email, name: administrator.name, disabled: administrator.disabledAt !== null } : null,
    isAdministrator: administrator?.id === actor.userId,
  };
}
export type TLicenseSettings = Awaited<ReturnType<typeof getLicenseSettings>>;

async function findOrgLicense(actor: TOrgActor, licenseId: string) {
  assertOrgAdmin(actor);
  const license = await db.license.findFirst({
    where: { id: licenseId, organizationId: actor.organizationId },
    include: { policy: { include: { product: true } } },
    omit: { activationPasswordHash: false },
  });
  if (!license) throw new ApiError("NOT_FOUND", "License not found");
  return license;
}

/** Set/change needs the password twice (typed blind); remove needs nothing else. */
export const ZActivationPasswordChange = z.discriminatedUnion("intent", [
  z
    .object({ intent: z.literal("set"), password: ZActivationPassword, confirm: z.string().max(256) })
    .refine((v) => v.password === v.confirm, { path: ["confirm"], message: "The passwords don't match" }),
  z.object({ intent: z.literal("remove") }),
]);
export type TActivationPasswordChange = z.input<typeof ZActivationPasswordChange>;

export async function portalChangeActivationPassword(actor: TOrgActor, licenseId: string, input: TActivationPasswordChange, ip?: string | null) {
  await findOrgLicense(actor, licenseId);
  const change = ZActivationPasswordChange.parse(input);
  await changeActivationPassword(licenseId, actor.userId, change.intent === "set" ? change.password : null, actorContext(actor, ip));
  return { passwordSet: change.intent === "set" };
}

/** Only the License Administrator may change their own email (the domain function refuses others with 403). */
export async function portalChangeAdministratorEmail(actor: TOrgActor, licenseId: string, email: string, ip?: string | null) {
  await findOrgLicense(actor, licenseId);
  return changeAdministratorEmail(licenseId, actor.userId, z.string().max(320).parse(email), actorContext(actor, ip));
}
