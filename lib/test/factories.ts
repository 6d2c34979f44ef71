// Test data through the same domain functions the app uses, so tests exercise real paths.
import { randomBytes } from "node:crypto";
import { createLicense } from "../admin/create-license";
import { createOrganization } from "../admin/create-organization";
import { createPolicy } from "../admin/create-policy";
import { createProduct } from "../admin/create-product";
import type { TCreateLicense, TCreatePolicy } from "../admin/schemas";
import { createApiToken } from "../auth/api-tokens";
import { hashPassword } from "../crypto/passwords";
import { db } from "../db";
import type { TContext } from "../events/record-event";

export const staffCtx: TContext = { actor: { type: "SYSTEM", label: "test" }, ip: "127.0.0.1" };

export function uniq(prefix = "t"): string {
  return `${prefix}-${randomBytes(4).toString("hex")}`;
}

export async function makePolicy(overrides: Partial<TCreatePolicy> = {}) {
  const product = await createProduct({ name: "Test Product", code: uniq("prod") }, staffCtx);
  const policy = await createPolicy({ productId: product.id, name: "Test Policy", model: "NODE_LOCKED", seats: 5, ...overrides }, staffCtx);
  return { product, policy };
}

export async function makeLicense(options: { policy?: Partial<TCreatePolicy>; license?: Partial<TCreateLicense> } = {}) {
  const { product, policy } = await makePolicy(options.policy);
  const organization = await createOrganization({ name: uniq("Org") }, staffCtx);
  const license = await createLicense({ policyId: policy.id, organizationId: organization.id, ...options.license }, staffCtx);
  return { product, policy, organization, license, key: license.key };
}

export async function makeStaff(role: "ADMIN" | "READ_ONLY" = "ADMIN", password = "correct horse battery") {
  const email = `${uniq("staff")}@example.test`;
  const staff = await db.staffUser.create({ data: { email, name: "Test Staff", role, passwordHash: await hashPassword(password) } });
  return { staff, email, password };
}

export async function makeAdminToken(role: "ADMIN" | "READ_ONLY" = "ADMIN") {
  const { staff } = await makeStaff(role);
  const { token } = await createApiToken({ name: "test", staffUserId: staff.id });
  return { token, staff, authorization: `Bearer ${token}` };
}
