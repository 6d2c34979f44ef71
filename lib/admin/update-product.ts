import "server-only";
import { ApiError } from "../api/errors";
import { db } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import type { TUpdateProduct } from "./schemas";

export async function updateProduct(id: string, input: TUpdateProduct, ctx: TContext) {
  const before = await db.product.findUnique({ where: { id } });
  if (!before) throw new ApiError("NOT_FOUND", "Product not found");
  if (input.code && input.code !== before.code && (await db.product.findUnique({ where: { code: input.code } }))) {
    throw new ApiError("CONFLICT", `Another product already uses the code "${input.code}"`);
  }
  const product = await db.product.update({ where: { id }, data: input });
  await recordEvent(db, ctx, {
    action: "product.updated",
    data: { productId: id, changes: { name: { from: before.name, to: product.name }, code: { from: before.code, to: product.code } } },
  });
  return product;
}
