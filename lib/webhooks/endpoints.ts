import "server-only";
import { ApiError } from "../api/errors";
import { db } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import type { WebhookEndpoint } from "../generated/prisma/client";
import { generateWebhookSecret } from "./signature";
import { ZCreateWebhookEndpoint, type TCreateWebhookEndpoint, type TUpdateWebhookEndpoint } from "./schemas";

export type TWebhookEndpoint = ReturnType<typeof serializeEndpoint>;

export function serializeEndpoint(endpoint: Omit<WebhookEndpoint, "secret"> & { secret?: string }) {
  return {
    id: endpoint.id,
    url: endpoint.url,
    description: endpoint.description,
    events: endpoint.events,
    allEvents: endpoint.events.length === 0,
    enabled: endpoint.enabled,
    disabledReason: endpoint.disabledReason,
    createdAt: endpoint.createdAt.toISOString(),
    updatedAt: endpoint.updatedAt.toISOString(),
    ...(endpoint.secret ? { secret: endpoint.secret } : {}),
  };
}

/** The secret is returned once here; afterwards only on an explicit request (getWebhookEndpoint withSecret). */
export async function createWebhookEndpoint(input: TCreateWebhookEndpoint, ctx: TContext) {
  const data = ZCreateWebhookEndpoint.parse(input);
  const endpoint = await db.$transaction(async (tx) => {
    const created = await tx.webhookEndpoint.create({
      data: { url: data.url, description: data.description ?? null, events: data.events, enabled: data.enabled, secret: generateWebhookSecret() },
      omit: { secret: false },
    });
    await recordEvent(tx, ctx, { action: "webhook_endpoint.created", data: { endpointId: created.id, url: created.url, events: created.events } });
    return created;
  });
  return serializeEndpoint(endpoint);
}

export async function listWebhookEndpoints() {
  const [endpoints, stats] = await Promise.all([
    db.webhookEndpoint.findMany({ orderBy: { createdAt: "asc" } }),
    db.webhookDelivery.groupBy({ by: ["endpointId", "status"], _count: { _all: true } }),
  ]);
  return endpoints.map((endpoint) => {
    const count = (status: string) => stats.find((s) => s.endpointId === endpoint.id && s.status === status)?._count._all ?? 0;
    return { ...serializeEndpoint(endpoint), deliveries: { pending: count("PENDING"), succeeded: count("SUCCEEDED"), failed: count("FAILED") } };
  });
}

export async function getWebhookEndpoint(id: string, options: { withSecret?: boolean } = {}) {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id }, omit: { secret: !options.withSecret } });
  if (!endpoint) throw new ApiError("NOT_FOUND", "Webhook endpoint not found");
  return serializeEndpoint(endpoint);
}

export async function updateWebhookEndpoint(id: string, input: TUpdateWebhookEndpoint, ctx: TContext) {
  const { rotateSecret, ...fields } = input;
  const endpoint = await db.$transaction(async (tx) => {
    const before = await tx.webhookEndpoint.findUnique({ where: { id } });
    if (!before) throw new ApiError("NOT_FOUND", "Webhook endpoint not found");
    const updated = await tx.webhookEndpoint.update({
      where: { id },
      data: {
        ...fields,
        // Re-enabling clears why it was disabled; pending deliveries then resume in order.
        ...(fields.enabled === true ? { disabledReason: null } : {}),
        ...(fields.enabled === false && before.enabled ? { disabledReason: "Disabled by staff" } : {}),
        ...(rotateSecret ? { secret: generateWebhookSecret() } : {}),
      },
      omit: { secret: !rotateSecret },
    });
    await recordEvent(tx, ctx, {
      action: "webhook_endpoint.updated",
      data: { endpointId: id, fields: Object.keys(fields), rotatedSecret: Boolean(rotateSecret) },
    });
    return updated;
  });
  return serializeEndpoint(endpoint);
}

export async function deleteWebhookEndpoint(id: string, ctx: TContext) {
  await db.$transaction(async (tx) => {
    const { count } = await tx.webhookEndpoint.deleteMany({ where: { id } });
    if (count === 0) throw new ApiError("NOT_FOUND", "Webhook endpoint not found");
    await recordEvent(tx, ctx, { action: "webhook_endpoint.deleted", data: { endpointId: id } });
  });
  return { deleted: true };
}
