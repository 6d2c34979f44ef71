import { apiRoute, reply } from "@/lib/api/handler";
import { createProduct } from "@/lib/admin/create-product";
import { listProducts } from "@/lib/admin/list-catalog";
import { ZCreateProduct } from "@/lib/admin/schemas";

export const POST = apiRoute({ auth: "admin", body: ZCreateProduct }, async ({ body, ctx }) =>
  reply({ product: await createProduct(body, ctx) }, 201),
);

export const GET = apiRoute({ auth: "admin" }, async () => {
  const products = await listProducts();
  return { products, total: products.length };
});
