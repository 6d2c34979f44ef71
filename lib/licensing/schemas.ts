import { z } from "zod";

/** Free text from client apps: bounded, so a buggy or hostile client can't store megabytes. */
const ZText = z.string().trim().max(256);
const ZFingerprint = z.string().trim().min(1).max(256);
const ZKey = z.string().min(1).max(256);

export const ZDeviceInfo = z.object({
  friendlyName: ZText.optional(),
  hostname: ZText.optional(),
  platform: ZText.optional(),
  appVersion: ZText.optional(),
});

export const ZActivateInput = ZDeviceInfo.extend({
  key: ZKey,
  fingerprint: ZFingerprint,
  // Required by licenses that have an activation password (lib/rules/check-activation-password.ts).
  activationPassword: z.string().max(256).optional(),
  // The first activation with an email makes it the License Administrator (lib/rules/assign-license-admin.ts).
  email: z.email().max(320).optional(),
});
export type TActivateInput = z.infer<typeof ZActivateInput>;

export const ZValidateInput = z.object({
  key: ZKey,
  fingerprint: ZFingerprint.optional(),
  // Echoed back unchanged so a client can match a (signed) answer to its own request.
  nonce: z.string().max(256).optional(),
  // Answered ENTITLEMENTS_MISSING unless the license grants every one of these codes.
  entitlements: z.array(z.string().trim().min(1).max(100)).max(100).optional(),
});
export type TValidateInput = z.infer<typeof ZValidateInput>;

export const ZHeartbeatInput = z.object({
  key: ZKey,
  fingerprint: ZFingerprint,
  appVersion: ZText.optional(),
  platform: ZText.optional(),
});
export type THeartbeatInput = z.infer<typeof ZHeartbeatInput>;

export const ZDeactivateInput = z.object({
  key: ZKey,
  fingerprint: ZFingerprint,
});
export type TDeactivateInput = z.infer<typeof ZDeactivateInput>;

/** User-token requests name the license by id: the user never sees or types a key. */
const ZLicenseId = z.string().trim().min(1).max(64);

export const ZUserActivateInput = ZDeviceInfo.extend({ licenseId: ZLicenseId, fingerprint: ZFingerprint });
export type TUserActivateInput = z.infer<typeof ZUserActivateInput>;

export const ZUserValidateInput = ZValidateInput.omit({ key: true }).extend({ licenseId: ZLicenseId });
export type TUserValidateInput = z.infer<typeof ZUserValidateInput>;

export const ZUserHeartbeatInput = ZHeartbeatInput.omit({ key: true }).extend({ licenseId: ZLicenseId });
export type TUserHeartbeatInput = z.infer<typeof ZUserHeartbeatInput>;

export const ZUserDeactivateInput = ZDeactivateInput.omit({ key: true }).extend({ licenseId: ZLicenseId });
export type TUserDeactivateInput = z.infer<typeof ZUserDeactivateInput>;
