import { apiRoute, reply } from "@/lib/api/handler";
import { notFound } from "@/lib/api/errors";
import { db } from "@/lib/db";
import { issueTokenKeys, listTokenKeys } from "@/lib/rules/issue-token-keys";

export const GET = apiRoute({ auth: "admin" }, async ({ params }) => {
  if (!(await db.license.findUnique({ where: { id: params.id! }, select: { id: true } }))) throw notFound("License");
  const tokenKeys = await listTokenKeys(params.id!);
  return { tokenKeys, total: tokenKeys.length };
});

/** Issues the missing token keys (one per seat); answers 201 when it created any. */
export const POST = apiRoute({ auth: "admin" }, async ({ params, ctx }) => {
  const { issued, tokenKeys } = await issueTokenKeys(params.id!, ctx);
  return reply({ issued, tokenKeys, total: tokenKeys.length }, issued > 0 ? 201 : 200);
});
