import { z } from "zod";

export type TSearchParams = Record<string, string | string[] | undefined>;

/** One value per key: repeated params keep the first, so crafted URLs can't break parsing. */
export function firstParams(params: TSearchParams): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [key, value] of Object.entries(params)) {
    const v = Array.isArray(value) ? value[0] : value;
    if (v !== undefined && v !== "") out[key] = v;
  }
  return out;
}

/** Page, page size and sort from the URL; an unknown sort column falls back to the default. */
export function parseTableParams<TSort extends string>(
  params: Record<string, string>,
  sortable: readonly TSort[],
  fallback: { id: TSort; desc: boolean },
) {
  const page = z.coerce.number().int().min(1).max(100_000).catch(1).parse(params.page ?? 1);
  const pageSize = z.coerce.number().int().min(1).max(100).catch(25).parse(params.size ?? 25);
  const id = (sortable as readonly string[]).includes(params.sort ?? "") ? (params.sort as TSort) : fallback.id;
  const desc = params.dir === "asc" ? false : params.dir === "desc" ? true : id === fallback.id ? fallback.desc : false;
  return { page, pageSize, sort: { id, desc } };
}
