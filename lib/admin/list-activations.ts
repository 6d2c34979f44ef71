import "server-only";
import { ApiError } from "../api/errors";
import { db } from "../db";
import { serializeActivation } from "../licensing/serialize";

export async function listLicenseActivations(
  licenseId: string,
  input: { page: number; pageSize: number; includeInactive?: boolean },
  now = new Date(),
) {
  const license = await db.license.findUnique({ where: { id: licenseId }, select: { id: true } });
  if (!license) throw new ApiError("LICENSE_NOT_FOUND", "License not found");
  const where = { licenseId, ...(input.includeInactive ? {} : { deactivatedAt: null }) };
  const [total, rows] = await Promise.all([
    db.activation.count({ where }),
    db.activation.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "desc" }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
  ]);
  return { activations: rows.map((a) => serializeActivation(a, now)), total };
}
