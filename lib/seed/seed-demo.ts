import "server-only";
import { randomBytes } from "node:crypto";
import type { TDb } from "../db";
import { hashPassword } from "../crypto/passwords";
import { generateLicenseKey } from "../crypto/tokens";

export type TSeedResult = { seeded: boolean; email: string; password?: string };

const DAY_MS = 86_400_000;

/**
 * Gives a fresh install something to look at: a staff login, a product, a policy, a customer and a
 * license. Runs only when the database has no staff account, so it never touches real data.
 */
export async function seedDemo(db: TDb, env: NodeJS.ProcessEnv = process.env): Promise<TSeedResult> {
  const email = (env.SEATWISE_ADMIN_EMAIL || "admin@seatwise.local").toLowerCase();
  if ((await db.staffUser.count()) > 0) return { seeded: false, email };
  const password = env.SEATWISE_ADMIN_PASSWORD || randomBytes(9).toString("base64url");
  const now = new Date();
  await db.$transaction(async (tx) => {
    await tx.staffUser.create({ data: { email, name: "Demo Admin", role: "ADMIN", passwordHash: await hashPassword(password) } });
    const product = await tx.product.create({ data: { name: "Acme CAD", code: "acme-cad" } });
    const policy = await tx.policy.create({
      data: { productId: product.id, name: "Acme CAD Team (annual)", model: "NODE_LOCKED", seats: 10, durationDays: 365 },
    });
    await tx.policy.create({
      data: { productId: product.id, name: "Acme CAD Floating", model: "FLOATING", seats: 5, durationDays: 365, leaseDurationSeconds: 3600 },
    });
    const organization = await tx.organization.create({ data: { name: "Globex Corporation" } });
    const expiresAt = new Date(now.getTime() + 365 * DAY_MS);
    const license = await tx.license.create({
      data: { key: generateLicenseKey(), policyId: policy.id, organizationId: organization.id, name: "Globex engineering", expiresAt, seats: 25, seatAlertThreshold: 20 },
    });
    const period = await tx.billingPeriod.create({ data: { licenseId: license.id, startsAt: now, endsAt: expiresAt } });
    await tx.license.update({ where: { id: license.id }, data: { currentPeriodId: period.id } });
    await tx.event.create({ data: { actorType: "SYSTEM", action: "license.created", licenseId: license.id, organizationId: organization.id, data: { seed: true } } });
  });
  return { seeded: true, email, password: env.SEATWISE_ADMIN_PASSWORD ? undefined : password };
}
