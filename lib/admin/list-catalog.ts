import "server-only";
import { db } from "../db";

// Products, policies and organizations are small lists that vendors script against.
export function listProducts() {
  return db.product.findMany({ orderBy: { name: "asc" } });
}

export function listPolicies() {
  return db.policy.findMany({ orderBy: { name: "asc" }, include: { product: true } });
}

export function listOrganizations() {
  return db.organization.findMany({ orderBy: { name: "asc" } });
}
