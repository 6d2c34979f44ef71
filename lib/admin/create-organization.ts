import "server-only";
import { db } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import type { TCreateOrganization } from "./schemas";

export async function createOrganization(input: TCreateOrganization, ctx: TContext) {
  const organization = await db.organization.create({ data: input });
  await recordEvent(db, ctx, { action: "organization.created", organizationId: organization.id, data: { name: organization.name } });
  return organization;
}
