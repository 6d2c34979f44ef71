import "server-only";
import { db } from "../db";

/** Products and policies with how many licenses each has (one grouped query over the policy index). */
export async function listCatalogWithCounts(productId?: string) {
  const [products, policies, counts] = await Promise.all([
    db.product.findMany({ where: productId ? { id: productId } : {}, orderBy: { name: "asc" } }),
    db.policy.findMany({ where: productId ? { productId } : {}, orderBy: { name: "asc" }, include: { product: { select: { name: true } } } }),
    db.license.groupBy({ by: ["policyId"], _count: { _all: true }, where: productId ? { policy: { productId } } : {} }),
  ]);
  const byPolicy = new Map(counts.map((c) => [c.policyId, c._count._all]));
  const policyRows = policies.map((p) => ({
    id: p.id,
    name: p.name,
    productId: p.productId,
    productName: p.product.name,
    model: p.model,
    seats: p.seats,
    durationDays: p.durationDays,
    leaseDurationSeconds: p.leaseDurationSeconds,
    licenses: byPolicy.get(p.id) ?? 0,
  }));
  const productRows = products.map((p) => {
    const own = policyRows.filter((r) => r.productId === p.id);
    return { id: p.id, name: p.name, code: p.code, policies: own.length, licenses: own.reduce((n, r) => n + r.licenses, 0), createdAt: p.createdAt.toISOString() };
  });
  return { products: productRows, policies: policyRows };
}

export type TProductRow = Awaited<ReturnType<typeof listCatalogWithCounts>>["products"][number];
export type TPolicyRow = Awaited<ReturnType<typeof listCatalogWithCounts>>["policies"][number];
