/** Shapes of the client API's answers, as far as an app relies on them. Extra fields pass through. */
export type TLicenseInfo = {
  id: string;
  name: string | null;
  status: "ACTIVE" | "SUSPENDED" | "EXPIRED" | (string & {});
  model: "NODE_LOCKED" | "FLOATING" | (string & {});
  product: { id: string; code: string; name: string };
  policy: { id: string; name: string };
  organization: { id: string; name: string } | null;
  startsAt: string;
  expiresAt: string | null;
  seats: { limit: number; used: number };
  entitlements: string[];
  [extra: string]: unknown;
};

export type TActivationInfo = {
  id: string;
  fingerprint: string;
  friendlyName: string | null;
  hostname: string | null;
  platform: string | null;
  appVersion: string | null;
  status: "ACTIVE" | "LEASE_EXPIRED" | "DEACTIVATED" | (string & {});
  createdAt: string;
  lastSeenAt: string;
  /** Floating licenses: when this lease ends unless refreshed. */
  leaseExpiresAt: string | null;
  deactivatedAt: string | null;
  [extra: string]: unknown;
};

export type TSeatResult = {
  activation: TActivationInfo;
  license: TLicenseInfo;
  /** Floating licenses: refresh before this time (the server's advice). */
  refreshBefore?: string | null;
  /** Present when the server issues license files with activations. */
  licenseFile?: string;
  [extra: string]: unknown;
};

export type TValidationCode =
  | "VALID"
  | "NOT_FOUND"
  | "SUSPENDED"
  | "EXPIRED"
  | "NOT_ACTIVATED"
  | "LEASE_EXPIRED"
  | "CHECK_IN_OVERDUE"
  | "DEACTIVATED"
  | "ENTITLEMENTS_MISSING"
  | (string & {});

export type TValidation = {
  valid: boolean;
  code: TValidationCode;
  detail: string;
  nonce?: string;
  license?: TLicenseInfo;
  activation?: TActivationInfo;
  [extra: string]: unknown;
};

export type TDeviceInfo = {
  friendlyName?: string;
  hostname?: string;
  platform?: string;
  appVersion?: string;
};

export type TSignInResult = {
  token: string;
  expiresAt: string;
  user: { id: string; email: string; name?: string | null; [extra: string]: unknown };
  organization: { id: string; name: string; [extra: string]: unknown } | null;
};

export type TPublicKeyInfo = {
  algorithm: "ed25519";
  keyId: string;
  publicKey: string;
  keys?: { keyId: string; publicKey: string; active: boolean; createdAt: string }[];
};
