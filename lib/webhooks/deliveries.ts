import "server-only";
import { randomUUID } from "node:crypto";
import { ApiError } from "../api/errors";
import { db } from "../db";
import { recordEvent, type TContext } from "../events/record-event";
import type { Prisma, WebhookDelivery } from "../generated/prisma/client";
import { deliverOne } from "./deliver-webhooks";
import { PING_EVENT_TYPE } from "./event-types";
import { ZListDeliveries, type TListDeliveries } from "./schemas";

export type TWebhookDelivery = ReturnType<typeof serializeDelivery>;

export function serializeDelivery(delivery: WebhookDelivery) {
  return {
    id: delivery.id,
    endpointId: delivery.endpointId,
    eventType: delivery.eventType,
    eventId: (delivery.payload as { id?: string } | null)?.id ?? null,
    licenseId: delivery.orderingKey,
    status: delivery.status,
    attempts: delivery.attempts,
    responseStatus: delivery.responseStatus,
    responseBody: delivery.responseBody,
    lastError: delivery.lastError,
    durationMs: delivery.durationMs,
    createdAt: delivery.createdAt.toISOString(),
    lastAttemptAt: delivery.lastAttemptAt?.toISOString() ?? null,
    nextAttemptAt: delivery.status === "PENDING" ? delivery.nextAttemptAt.toISOString() : null,
    deliveredAt: delivery.deliveredAt?.toISOString() ?? null,
    payload: delivery.payload,
  };
}

async function requireEndpoint(endpointId: string) {
  const endpoint = await db.webhookEndpoint.findUnique({ where: { id: endpointId }, select: { id: true, enabled: true } });
  if (!endpoint) throw new ApiError("NOT_FOUND", "Webhook endpoint not found");
  return endpoint;
}

export async function listWebhookDeliveries(endpointId: string, input: TListDeliveries = {}) {
  const query = ZListDeliveries.parse(input);
  await requireEndpoint(endpointId);
  const where: Prisma.WebhookDeliveryWhereInput = { endpointId, ...(query.status ? { status: query.status } : {}) };
  const [rows, total] = await Promise.all([
    db.webhookDelivery.findMany({ where, orderBy: { seq: "desc" }, skip: (query.page - 1) * query.pageSize, take: query.pageSize }),
    db.webhookDelivery.count({ where }),
  ]);
  return { deliveries: rows.map(serializeDelivery), total, page: query.page, pageSize: query.pageSize };
}

/**
 * Sends a copy of a past delivery now. The copy keeps the event id (the webhook-id header), so a
 * receiver that already processed it can recognise the duplicate; it has no ordering key, because a
 * manual resend of an old event must not wait behind (or hold up) the license's live queue.
 */
export async function resendWebhookDelivery(endpointId: string, deliveryId: string, ctx: TContext) {
  const endpoint = await requireEndpoint(endpointId);
  if (!endpoint.enabled) throw new ApiError("CONFLICT", "This endpoint is disabled: enable it before resending");
  const original = await db.webhookDelivery.findFirst({ where: { id: deliveryId, endpointId } });
  if (!original) throw new ApiError("NOT_FOUND", "Delivery not found");
  const copy = await db.$transaction(async (tx) => {
    const created = await tx.webhookDelivery.create({
      data: { endpointId, eventType: original.eventType, payload: original.payload as Prisma.InputJsonValue, orderingKey: null },
    });
    await recordEvent(tx, ctx, { action: "webhook_delivery.resent", data: { endpointId, deliveryId, copyId: created.id } });
    return created;
  });
  return serializeDelivery(await deliverOne(copy.id));
}

/** Sends a webhook.ping right away and returns the recorded attempt (retried like any delivery if it failed). */
export async function pingWebhookEndpoint(endpointId: string, ctx: TContext) {
  const endpoint = await requireEndpoint(endpointId);
  if (!endpoint.enabled) throw new ApiError("CONFLICT", "This endpoint is disabled: enable it before sending a test ping");
  const now = new Date();
  const payload = {
    id: `ping_${randomUUID()}`,
    type: PING_EVENT_TYPE,
    timestamp: now.toISOString(),
    data: { endpointId, message: `Test ping sent by ${ctx.actor.label ?? "Seatwise"}` },
  };
  const delivery = await db.webhookDelivery.create({ data: { endpointId, eventType: PING_EVENT_TYPE, payload, createdAt: now, nextAttemptAt: now } });
  return serializeDelivery(await deliverOne(delivery.id));
}
