import "server-only";
import { ApiError } from "../api/errors";
import { db } from "../db";
import { recordEvent, type TContext } from "../events/record-event";

export async function renameOrganization(id: string, name: string, ctx: TContext) {
  const before = await db.organization.findUnique({ where: { id } });
  if (!before) throw new ApiError("NOT_FOUND", "Customer not found");
  const org = await db.organization.update({ where: { id }, data: { name } });
  if (before.name !== name) {
    await recordEvent(db, ctx, { action: "organization.renamed", organizationId: id, data: { from: before.name, to: name } });
  }
  return org;
}
