import "server-only";
import { db } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import type { TCreateProduct } from "./schemas";

export async function createProduct(input: TCreateProduct, ctx: TContext) {
  const product = await db.product.create({ data: input });
  await recordEvent(db, ctx, { action: "product.created", data: { productId: product.id, code: product.code } });
  return product;
}
