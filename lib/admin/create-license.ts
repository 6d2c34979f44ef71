import "server-only";
import { ApiError } from "../api/errors";
import { db, TX_OPTIONS } from "../db";
import { generateLicenseKey } from "../crypto/tokens";
import { recordEvent, type TContext } from "../events/record-event";
import { LICENSE_INCLUDE } from "../licensing/find-license";
import { serializeAdminLicense } from "./serialize-license";
import type { TCreateLicense } from "./schemas";

const DAY_MS = 86_400_000;

export async function createLicense(input: TCreateLicense, ctx: TContext) {
  const now = ctx.now ?? new Date();
  const policy = await db.policy.findUnique({ where: { id: input.policyId } });
  if (!policy) throw new ApiError("NOT_FOUND", "Policy not found");
  if (input.organizationId) {
    const organization = await db.organization.findUnique({ where: { id: input.organizationId } });
    if (!organization) throw new ApiError("NOT_FOUND", "Organization not found");
  }
  const expiresAt =
    input.expiresAt !== undefined ? input.expiresAt : policy.durationDays ? new Date(now.getTime() + policy.durationDays * DAY_MS) : null;

  const license = await db.$transaction(async (tx) => {
    const created = await tx.license.create({
      data: {
        key: generateLicenseKey(),
        policyId: policy.id,
        organizationId: input.organizationId ?? null,
        seats: input.seats ?? null,
        expiresAt,
        startsAt: now,
        name: input.name ?? null,
        notes: input.notes ?? null,
        seatAlertThreshold: input.seatAlertThreshold ?? null,
      },
    });
    // Every license starts in its first billing period, which runs until the license expires.
    const period = await tx.billingPeriod.create({ data: { licenseId: created.id, startsAt: now, endsAt: expiresAt } });
    await recordEvent(tx, { ...ctx, now }, {
      action: "license.created",
      licenseId: created.id,
      organizationId: created.organizationId,
      data: { policyId: policy.id, seats: created.seats ?? policy.seats },
    });
    return tx.license.update({
      where: { id: created.id },
      data: { currentPeriodId: period.id },
      include: { ...LICENSE_INCLUDE, currentPeriod: true },
    });
  }, TX_OPTIONS);
  return serializeAdminLicense(license, 0, now);
}
