import "server-only";
import { ApiError } from "../api/errors";
import { db } from "../db";
import { countSeatsInUse } from "../licensing/count-seats";
import { LICENSE_INCLUDE } from "../licensing/find-license";
import { serializeAdminLicense } from "./serialize-license";

export async function getLicense(id: string, now = new Date()) {
  const license = await db.license.findUnique({ where: { id }, include: { ...LICENSE_INCLUDE, currentPeriod: true } });
  if (!license) throw new ApiError("LICENSE_NOT_FOUND", "License not found");
  return serializeAdminLicense(license, await countSeatsInUse(db, id, now), now);
}
