import { z } from "zod";

const ZName = z.string().trim().min(1, "Required").max(200, "At most 200 characters");
const ZDate = z.coerce.date().refine((d) => !Number.isNaN(d.getTime()), "Invalid date");

export const ZCreateProduct = z.object({
  name: ZName,
  code: z.string().trim().min(1, "Required").max(64, "At most 64 characters").regex(/^[a-z0-9][a-z0-9._-]*$/i, "Use letters, digits, dot, dash or underscore"),
});
export type TCreateProduct = z.infer<typeof ZCreateProduct>;

/** Entitlement codes: short identifiers vendors check for in their apps, e.g. "export-pdf". */
export const ZEntitlementCode = z.string().trim().min(1).max(100).regex(/^[A-Za-z0-9][A-Za-z0-9._:-]*$/, "Use letters, digits, dot, dash, colon or underscore");
const ZEntitlements = z.array(ZEntitlementCode).max(100).transform((codes) => [...new Set(codes)].sort());

/** Seat rules of a policy (lib/rules): every one off by default. */
const ZPolicyRules = {
  kind: z.enum(["STANDARD", "EVALUATION"]).optional(),
  evaluationDays: z.number().int().min(1).max(3650).nullish(),
  goodwillSeats: z.number().int().min(0).max(1_000_000).optional(),
  deactivationCooldownHours: z.number().int().min(0).max(8760).optional(),
  checkInIntervalDays: z.number().int().min(1).max(3650).nullish(),
  entitlements: ZEntitlements.optional(),
};

export const ZCreatePolicy = z.object({
  productId: z.string().min(1).max(64),
  name: ZName,
  model: z.enum(["NODE_LOCKED", "FLOATING"]).default("NODE_LOCKED"),
  seats: z.number().int().min(1).max(1_000_000),
  durationDays: z.number().int().min(1).max(36_500).nullish(),
  leaseDurationSeconds: z.number().int().min(60).max(30 * 86_400).optional(),
  maxActivationsPerUser: z.number().int().min(1).max(10_000).nullish(),
  ...ZPolicyRules,
});
export type TCreatePolicy = z.infer<typeof ZCreatePolicy>;

export const ZCreateOrganization = z.object({ name: ZName });
export type TCreateOrganization = z.infer<typeof ZCreateOrganization>;

export const ZCreateLicense = z.object({
  policyId: z.string().min(1).max(64),
  organizationId: z.string().min(1).max(64).nullish(),
  seats: z.number().int().min(1).max(1_000_000).nullish(),
  expiresAt: ZDate.nullish(),
  name: z.string().trim().max(200).nullish(),
  notes: z.string().max(5000).nullish(),
  seatAlertThreshold: z.number().int().min(1).max(1_000_000).nullish(),
});
export type TCreateLicense = z.infer<typeof ZCreateLicense>;

export const ZUpdateLicense = z
  .object({
    seats: z.number().int().min(1).max(1_000_000).nullable(),
    status: z.enum(["ACTIVE", "SUSPENDED"]),
    expiresAt: ZDate.nullable(),
    name: z.string().trim().max(200).nullable(),
    notes: z.string().max(5000).nullable(),
    seatAlertThreshold: z.number().int().min(1).max(1_000_000).nullable(),
    // Rule overrides; null inherits the policy's value.
    goodwillSeats: z.number().int().min(0).max(1_000_000).nullable(),
    deactivationCooldownHours: z.number().int().min(0).max(8760).nullable(),
    checkInIntervalDays: z.number().int().min(1).max(3650).nullable(),
    entitlements: ZEntitlements,
    // Plain text in, argon2id hash stored; null removes the password.
    activationPassword: z.string().min(4).max(256).nullable(),
  })
  .partial()
  .strict();
export type TUpdateLicense = z.infer<typeof ZUpdateLicense>;

/** Seat utilization buckets for the license list: none in use, some, ≥ 80 % of the limit, at or over it. */
export const LICENSE_UTILIZATION = ["unused", "in_use", "high", "full"] as const;
export const LICENSE_SORTS = ["createdAt", "expiresAt", "name", "key", "customer", "status"] as const;
export type TLicenseSort = (typeof LICENSE_SORTS)[number];

export const ZPage = z.object({
  page: z.coerce.number().int().min(1).max(100_000).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(25),
});

export const ZListLicenses = ZPage.extend({
  q: z.string().trim().max(200).optional(),
  status: z.enum(["ACTIVE", "SUSPENDED", "EXPIRED"]).optional(),
  organizationId: z.string().max(64).optional(),
  policyId: z.string().max(64).optional(),
  productId: z.string().max(64).optional(),
  /** Customer (organization) name contains. */
  customer: z.string().trim().max(200).optional(),
  expiringWithinDays: z.coerce.number().int().min(0).max(3650).optional(),
  utilization: z.enum(LICENSE_UTILIZATION).optional(),
  sort: z.enum(LICENSE_SORTS).optional(),
  dir: z.enum(["asc", "desc"]).optional(),
});
export type TListLicenses = z.infer<typeof ZListLicenses>;

export const ZUpdateProduct = ZCreateProduct.partial();
export type TUpdateProduct = z.infer<typeof ZUpdateProduct>;

export const ZUpdatePolicy = z
  .object({
    name: ZName,
    model: z.enum(["NODE_LOCKED", "FLOATING"]),
    seats: z.number().int().min(1).max(1_000_000),
    durationDays: z.number().int().min(1).max(36_500).nullable(),
    leaseDurationSeconds: z.number().int().min(60).max(30 * 86_400),
    maxActivationsPerUser: z.number().int().min(1).max(10_000).nullable(),
    ...ZPolicyRules,
  })
  .partial()
  .strict();
export type TUpdatePolicy = z.infer<typeof ZUpdatePolicy>;

export const ZLicenseActivationsQuery = ZPage.extend({ includeInactive: z.enum(["true", "false"]).optional() });

export const ZCreateToken = z.object({ name: z.string().trim().min(1).max(100).default("API token") }).default({ name: "API token" });
