// Answer shapes for the document. Requests are validated by the routes' own schemas (lib/*/schemas.ts);
// answers are produced by serializers, described here once.
import { z } from "zod";
import { ERROR_STATUS } from "../api/errors";

const ZIso = z.string().meta({ format: "date-time", example: "2026-11-22T10:00:00.000Z" });

export const ZErrorCode = z.enum(Object.keys(ERROR_STATUS) as [keyof typeof ERROR_STATUS, ...(keyof typeof ERROR_STATUS)[]]).meta({
  id: "ErrorCode",
  description: "Machine-readable error code. HTTP status per code: " +
    Object.entries(ERROR_STATUS)
      .map(([code, status]) => `${code} → ${status}`)
      .join(", "),
});

export const ZError = z
  .object({
    error: z
      .object({
        code: ZErrorCode,
        message: z.string().meta({ description: "Human-readable explanation; may change, don't parse it." }),
        retryAfter: z.number().int().optional().meta({ description: "Seconds to wait before retrying (SEAT_LIMIT_REACHED on floating licenses, RATE_LIMITED)." }),
      })
      .catchall(z.unknown()),
  })
  .meta({ id: "Error", description: "Every error answer has this shape." });

export const ZProductRef = z.object({ id: z.string(), code: z.string(), name: z.string() });

export const ZLicense = z
  .object({
    id: z.string(),
    name: z.string().nullable(),
    status: z.enum(["ACTIVE", "SUSPENDED", "EXPIRED"]),
    model: z.enum(["NODE_LOCKED", "FLOATING"]),
    product: ZProductRef,
    policy: z.object({ id: z.string(), name: z.string() }),
    organization: z.object({ id: z.string(), name: z.string() }).nullable(),
    startsAt: ZIso,
    expiresAt: ZIso.nullable(),
    seats: z.object({ limit: z.number().int(), used: z.number().int() }),
    entitlements: z.array(z.string()),
  })
  .meta({ id: "ClientLicense", description: "The license as client apps see it (never the key)." });

export const ZActivation = z
  .object({
    id: z.string(),
    fingerprint: z.string(),
    friendlyName: z.string().nullable(),
    hostname: z.string().nullable(),
    platform: z.string().nullable(),
    appVersion: z.string().nullable(),
    status: z.enum(["ACTIVE", "LEASE_EXPIRED", "DEACTIVATED"]),
    createdAt: ZIso,
    lastSeenAt: ZIso,
    leaseExpiresAt: ZIso.nullable().meta({ description: "Floating licenses: the lease ends at this time unless refreshed." }),
    deactivatedAt: ZIso.nullable(),
    userId: z.string().nullable(),
  })
  .meta({ id: "Activation", description: "A seat held by one machine (fingerprint)." });

export const ZSeatResult = z
  .object({
    activation: ZActivation,
    license: ZLicense,
    refreshBefore: ZIso.nullable().optional().meta({ description: "Floating licenses: send the next heartbeat before this time." }),
    licenseFile: z.string().optional().meta({ description: "A signed license file for offline use (when the server issues them)." }),
  })
  .meta({ id: "SeatResult" });

export const ZValidation = z
  .object({
    valid: z.boolean(),
    code: z.enum(["VALID", "NOT_FOUND", "SUSPENDED", "EXPIRED", "NOT_ACTIVATED", "LEASE_EXPIRED"]),
    detail: z.string(),
    nonce: z.string().optional().meta({ description: "Echo of the request's nonce." }),
    license: ZLicense.optional(),
    activation: ZActivation.optional(),
  })
  .meta({ id: "Validation", description: "Validation always answers 200; `code` says why a license is not valid." });

export const ZDeactivation = z.object({ activation: ZActivation, license: ZLicense }).meta({ id: "Deactivation" });

export const ZPublicKey = z
  .object({
    algorithm: z.literal("ed25519"),
    keyId: z.string(),
    publicKey: z.string().meta({ description: "PEM (SPKI) of the active key." }),
    keys: z.array(z.object({ keyId: z.string(), publicKey: z.string(), active: z.boolean(), createdAt: ZIso })),
  })
  .meta({ id: "PublicKey" });

export const ZLicenseFile = z.object({ licenseFile: z.string().meta({ description: "-----BEGIN SEATWISE LICENSE FILE----- … armored, signed file." }) }).meta({ id: "LicenseFile" });

export const ZUserToken = z
  .object({
    token: z.string().meta({ description: "sw_user_… bearer token, short-lived, scoped to this user." }),
    expiresAt: ZIso,
    user: z.object({ id: z.string(), email: z.string() }).catchall(z.unknown()),
    organization: z.object({ id: z.string(), name: z.string() }).catchall(z.unknown()).nullable(),
  })
  .meta({ id: "UserToken" });

export const ZAdminProduct = z.object({ id: z.string(), name: z.string(), code: z.string(), createdAt: ZIso }).catchall(z.unknown()).meta({ id: "Product" });
export const ZAdminPolicy = z
  .object({ id: z.string(), productId: z.string(), name: z.string(), model: z.enum(["NODE_LOCKED", "FLOATING"]), seats: z.number().int() })
  .catchall(z.unknown())
  .meta({ id: "Policy" });
export const ZAdminOrganization = z.object({ id: z.string(), name: z.string(), createdAt: ZIso }).catchall(z.unknown()).meta({ id: "Organization" });
export const ZAdminLicense = ZLicense.extend({
  key: z.string(),
  notes: z.string().nullable(),
  seatAlertThreshold: z.number().int().nullable(),
  createdAt: ZIso,
  updatedAt: ZIso,
  currentPeriod: z.object({ id: z.string(), startsAt: ZIso, endsAt: ZIso.nullable(), seatsConsumed: z.number().int() }).nullable(),
}).meta({ id: "AdminLicense", description: "A license with its key, notes and current billing period." });
