import "server-only";
import { z } from "zod";
import { db } from "../db";
import type { Prisma } from "../generated/prisma/client";
import { normalizeLicenseKey } from "../crypto/tokens";
import { endOfDay, startOfDay } from "./form-schemas";

export const ZListEvents = z.object({
  page: z.coerce.number().int().min(1).max(100_000).catch(1),
  pageSize: z.coerce.number().int().min(1).max(100).catch(25),
  dir: z.enum(["asc", "desc"]).catch("desc"),
  actor: z.string().trim().max(200).optional(),
  action: z.string().trim().max(100).optional(),
  /** A license id or key. */
  license: z.string().trim().max(100).optional(),
  organizationId: z.string().trim().max(64).optional(),
  customer: z.string().trim().max(200).optional(),
  from: z.string().max(10).optional(),
  to: z.string().max(10).optional(),
});
export type TListEvents = Partial<z.input<typeof ZListEvents>>;

async function eventWhere(input: z.output<typeof ZListEvents>): Promise<Prisma.EventWhereInput> {
  const and: Prisma.EventWhereInput[] = [];
  if (input.actor) {
    and.push({ OR: [{ actorLabel: { contains: input.actor, mode: "insensitive" } }, { actorId: input.actor }] });
  }
  // "license." matches every license action; a full name matches exactly.
  if (input.action) and.push(input.action.endsWith(".") ? { action: { startsWith: input.action } } : { action: input.action });
  if (input.license) {
    const key = normalizeLicenseKey(input.license);
    const license = key ? await db.license.findUnique({ where: { key }, select: { id: true } }) : null;
    and.push({ licenseId: license?.id ?? input.license });
  }
  if (input.organizationId) and.push({ organizationId: input.organizationId });
  if (input.customer) {
    const orgs = await db.organization.findMany({
      where: { name: { contains: input.customer, mode: "insensitive" } },
      select: { id: true },
      take: 200,
    });
    and.push({ organizationId: { in: orgs.map((o) => o.id) } });
  }
  const from = startOfDay(input.from);
  const to = endOfDay(input.to);
  if (from || to) and.push({ createdAt: { ...(from ? { gte: from } : {}), ...(to ? { lte: to } : {}) } });
  return and.length ? { AND: and } : {};
}

function summarize(data: Prisma.JsonValue): string {
  if (data === null || data === undefined) return "";
  const text = JSON.stringify(data);
  return text.length > 240 ? `${text.slice(0, 237)}…` : text;
}

/** The audit log, newest first, with license keys and customer names for the rows on the page. */
export async function listEvents(raw: TListEvents) {
  const input = ZListEvents.parse(raw);
  const where = await eventWhere(input);
  const [total, events] = await Promise.all([
    db.event.count({ where }),
    db.event.findMany({
      where,
      orderBy: [{ createdAt: input.dir }, { id: input.dir }],
      skip: (input.page - 1) * input.pageSize,
      take: input.pageSize,
    }),
  ]);
  const licenseIds = [...new Set(events.flatMap((e) => (e.licenseId ? [e.licenseId] : [])))];
  const orgIds = [...new Set(events.flatMap((e) => (e.organizationId ? [e.organizationId] : [])))];
  const [licenses, orgs] = await Promise.all([
    db.license.findMany({ where: { id: { in: licenseIds } }, select: { id: true, key: true } }),
    db.organization.findMany({ where: { id: { in: orgIds } }, select: { id: true, name: true } }),
  ]);
  const keyOf = new Map(licenses.map((l) => [l.id, l.key]));
  const nameOf = new Map(orgs.map((o) => [o.id, o.name]));
  return {
    total,
    events: events.map((e) => ({
      id: e.id,
      createdAt: e.createdAt.toISOString(),
      actorType: e.actorType,
      actorLabel: e.actorLabel,
      action: e.action,
      licenseId: e.licenseId,
      licenseKey: e.licenseId ? (keyOf.get(e.licenseId) ?? null) : null,
      organizationId: e.organizationId,
      organizationName: e.organizationId ? (nameOf.get(e.organizationId) ?? null) : null,
      ip: e.ip,
      summary: summarize(e.data),
    })),
  };
}

/** Action names seen in the log, for the filter menu (index on action makes this cheap). */
export async function listEventActions(): Promise<string[]> {
  const rows = await db.event.groupBy({ by: ["action"], orderBy: { action: "asc" } });
  return rows.map((r) => r.action);
}
