import "server-only";
import { ApiError } from "../api/errors";
import type { TTx } from "../db";

const DAY_MS = 86_400_000;

type TEvalLicense = { id: string; expiresAt: Date | null; policy: { productId: string; evaluationDays: number | null } };

/**
 * One evaluation per machine per product. Takes a transaction-scoped advisory lock on
 * (product, fingerprint) so two evaluation licenses activated at once on one machine can't both win
 * (they lock different license rows, so the license lock alone would not serialize them).
 */
export async function assertEvaluationUnused(tx: TTx, license: TEvalLicense, fingerprint: string): Promise<void> {
  await tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtextextended(${`evaluation:${license.policy.productId}:${fingerprint}`}, 0))`;
  const used = await tx.activation.findFirst({
    where: {
      fingerprint,
      licenseId: { not: license.id },
      license: { policy: { productId: license.policy.productId, kind: "EVALUATION" } },
    },
    select: { id: true },
  });
  if (used) throw new ApiError("EVALUATION_ALREADY_USED", "This device has already used an evaluation of this product");
}

/**
 * The evaluation clock starts at the first activation ever: expiresAt becomes first activation +
 * evaluationDays (or stays earlier when the license was created with an earlier expiry).
 * Returns the expiry to use from now on.
 */
export async function startEvaluationClock(tx: TTx, license: TEvalLicense, now: Date): Promise<Date | null> {
  if (!license.policy.evaluationDays) return license.expiresAt;
  const before = await tx.activation.count({ where: { licenseId: license.id } });
  if (before > 0) return license.expiresAt;
  const end = new Date(now.getTime() + license.policy.evaluationDays * DAY_MS);
  const expiresAt = license.expiresAt && license.expiresAt < end ? license.expiresAt : end;
  await tx.license.update({ where: { id: license.id }, data: { expiresAt } });
  // The open billing period ends with the evaluation.
  await tx.billingPeriod.updateMany({ where: { licenseId: license.id, closedAt: null, endsAt: null }, data: { endsAt: expiresAt } });
  return expiresAt;
}
