import { notFound } from "@/lib/api/errors";
import { apiRoute } from "@/lib/api/handler";
import { db } from "@/lib/db";
import { listCurrentLeases } from "@/lib/licensing/list-leases";

/** The license's current leases (floating seats holding a seat right now), soonest to expire first. */
export const GET = apiRoute({ auth: "admin" }, async ({ params }) => {
  const license = await db.license.findUnique({ where: { id: params.id! }, select: { id: true } });
  if (!license) throw notFound("License");
  return { leases: await listCurrentLeases(license.id) };
});
