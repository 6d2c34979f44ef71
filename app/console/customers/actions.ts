"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { createOrganization } from "@/lib/admin/create-organization";
import { renameOrganization } from "@/lib/console/rename-organization";
import { zId } from "@/lib/console/form-schemas";
import { staffAction } from "@/lib/console/staff-action";

const zName = z.string().trim().min(1, "Name is required").max(200, "At most 200 characters");

export const createCustomerAction = staffAction(z.object({ name: zName }), async ({ name }, ctx) => {
  const org = await createOrganization({ name }, ctx);
  revalidatePath("/console/customers");
  redirect(`/console/customers/${org.id}`);
});

export const renameCustomerAction = staffAction(z.object({ id: zId, name: zName }), async ({ id, name }, ctx) => {
  await renameOrganization(id, name, ctx);
  revalidatePath(`/console/customers/${id}`);
  return { ok: true, message: "Saved." };
});
