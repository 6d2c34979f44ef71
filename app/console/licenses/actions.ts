"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { createOrganization } from "@/lib/admin/create-organization";
import { createLicense } from "@/lib/admin/create-license";
import { updateLicense } from "@/lib/admin/update-license";
import { zId, zOptionalDay, zOptionalId, zOptionalInt, zOptionalText } from "@/lib/console/form-schemas";
import { staffAction } from "@/lib/console/staff-action";
import { deactivateActivationById } from "@/lib/licensing/deactivate-seat";

const seats = zOptionalInt(1, 1_000_000, "Seats");
const threshold = zOptionalInt(1, 1_000_000, "Seat alert threshold");

function refresh(id: string) {
  revalidatePath(`/console/licenses/${id}`);
  revalidatePath("/console/licenses");
}

export const createLicenseAction = staffAction(
  z.object({
    policyId: zId,
    organizationId: zOptionalId,
    newCustomer: zOptionalText(200),
    name: zOptionalText(200),
    seats,
    expiresAt: zOptionalDay,
    seatAlertThreshold: threshold,
  }),
  async ({ newCustomer, ...input }, ctx) => {
    if (newCustomer && input.organizationId) {
      return { ok: false, error: "Choose an existing customer or type a new one, not both.", fieldErrors: { newCustomer: "Clear this or the customer above" } };
    }
    if (newCustomer) input.organizationId = (await createOrganization({ name: newCustomer }, ctx)).id;
    // An empty expiry means "the policy's duration" (or never, for policies without one).
    const license = await createLicense({ ...input, expiresAt: input.expiresAt ?? undefined }, ctx);
    revalidatePath("/console/licenses");
    return { ok: true, message: "License created", data: { id: license.id, key: license.key } };
  },
);

export const changeSeatsAction = staffAction(z.object({ id: zId, seats }), async ({ id, seats }, ctx) => {
  const license = await updateLicense(id, { seats }, ctx);
  refresh(id);
  const { used, limit } = license.seats;
  if (used > limit) {
    return {
      ok: true,
      message: `Seat limit is now ${limit}, below the ${used} seats in use. New activations are blocked until usage drops below ${limit}.`,
    };
  }
  return { ok: true, message: `Seat limit is now ${limit}.` };
});

export const changeExpiryAction = staffAction(z.object({ id: zId, expiresAt: zOptionalDay }), async ({ id, expiresAt }, ctx) => {
  await updateLicense(id, { expiresAt }, ctx);
  refresh(id);
  return { ok: true, message: expiresAt ? "Expiry saved." : "The license no longer expires." };
});

export const updateDetailsAction = staffAction(
  z.object({ id: zId, name: zOptionalText(200), notes: zOptionalText(5000), seatAlertThreshold: threshold }),
  async ({ id, ...input }, ctx) => {
    await updateLicense(id, input, ctx);
    refresh(id);
    return { ok: true, message: "Saved." };
  },
);

export const setStatusAction = staffAction(z.object({ id: zId, status: z.enum(["ACTIVE", "SUSPENDED"]) }), async ({ id, status }, ctx) => {
  await updateLicense(id, { status }, ctx);
  refresh(id);
  return { ok: true, message: status === "SUSPENDED" ? "License suspended." : "License reinstated." };
});

export const deactivateAction = staffAction(z.object({ id: zId, licenseId: zId }), async ({ id, licenseId }, ctx) => {
  await deactivateActivationById(id, ctx);
  refresh(licenseId);
  return { ok: true, message: "Device deactivated; its seat is free." };
});
