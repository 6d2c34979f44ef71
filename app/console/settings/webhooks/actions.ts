"use server";
import { headers } from "next/headers";
import { revalidatePath } from "next/cache";
import { ApiError } from "@/lib/api/errors";
import { describeZodError } from "@/lib/api/handler";
import { requestIp } from "@/lib/api/request-ip";
import { currentUser } from "@/lib/auth/session";
import type { TContext } from "@/lib/events/record-event";
import { resendWebhookDelivery, pingWebhookEndpoint, type TWebhookDelivery } from "@/lib/webhooks/deliveries";
import { createWebhookEndpoint, deleteWebhookEndpoint, getWebhookEndpoint, updateWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { ZCreateWebhookEndpoint, ZUpdateWebhookEndpoint } from "@/lib/webhooks/schemas";
import { describeErrorForLog } from "../../../../lib/security/redact";

export type TWebhookActionResult = {
  ok: boolean;
  error?: string;
  code?: string;
  fieldErrors?: Record<string, string>;
  message?: string;
  secret?: string;
  endpointId?: string;
  delivery?: TWebhookDelivery;
};

/** Console mutations: signed-in ADMIN staff only, checked here on the server (hidden buttons are a courtesy). */
async function adminContext(): Promise<TContext> {
  const staff = await currentUser();
  if (!staff || staff.kind !== "staff") throw new ApiError("UNAUTHORIZED", "Your session has ended. Sign in again.");
  if (staff.role !== "ADMIN") throw new ApiError("FORBIDDEN", "Read-only staff can't change webhooks.");
  return { actor: { type: "STAFF", id: staff.id, label: staff.email }, ip: requestIp(await headers()) };
}

async function run(work: (ctx: TContext) => Promise<TWebhookActionResult>): Promise<TWebhookActionResult> {
  try {
    const result = await work(await adminContext());
    revalidatePath("/console/settings/webhooks", "layout");
    return result;
  } catch (error) {
    if (error instanceof ApiError) return { ok: false, error: error.message, code: error.code };
    console.error("[console] webhook action failed", describeErrorForLog(error));
    return { ok: false, error: "Something went wrong. Try again." };
  }
}

function endpointForm(form: FormData) {
  const all = form.get("scope") !== "chosen";
  return {
    url: String(form.get("url") ?? ""),
    description: String(form.get("description") ?? "").trim() || null,
    events: all ? [] : form.getAll("events").map(String),
    enabled: form.get("enabled") !== null ? form.get("enabled") === "on" : undefined,
  };
}

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) out[String(issue.path[0] ?? "_")] ??= issue.message;
  return out;
}

export async function createEndpointAction(_previous: TWebhookActionResult | null, form: FormData): Promise<TWebhookActionResult> {
  const input = endpointForm(form);
  if (form.get("scope") === "chosen" && input.events.length === 0) {
    return { ok: false, error: "Please fix the highlighted fields.", fieldErrors: { events: "Choose at least one event type, or send all events" } };
  }
  const parsed = ZCreateWebhookEndpoint.safeParse({ ...input, enabled: true });
  if (!parsed.success) return { ok: false, error: "Please fix the highlighted fields.", fieldErrors: fieldErrors(parsed.error.issues) };
  return run(async (ctx) => {
    const endpoint = await createWebhookEndpoint(parsed.data, ctx);
    return { ok: true, message: "Endpoint created.", secret: endpoint.secret, endpointId: endpoint.id };
  });
}

export async function updateEndpointAction(id: string, _previous: TWebhookActionResult | null, form: FormData): Promise<TWebhookActionResult> {
  const input = endpointForm(form);
  if (form.get("scope") === "chosen" && input.events.length === 0) {
    return { ok: false, error: "Please fix the highlighted fields.", fieldErrors: { events: "Choose at least one event type, or send all events" } };
  }
  const parsed = ZUpdateWebhookEndpoint.safeParse({ ...input, enabled: form.get("enabled") === "on" });
  if (!parsed.success) return { ok: false, error: describeZodError(parsed.error), fieldErrors: fieldErrors(parsed.error.issues) };
  return run(async (ctx) => {
    await updateWebhookEndpoint(id, parsed.data, ctx);
    return { ok: true, message: "Changes saved." };
  });
}

export async function revealSecretAction(id: string): Promise<TWebhookActionResult> {
  return run(async () => ({ ok: true, secret: (await getWebhookEndpoint(id, { withSecret: true })).secret }));
}

export async function rotateSecretAction(id: string): Promise<TWebhookActionResult> {
  return run(async (ctx) => ({ ok: true, secret: (await updateWebhookEndpoint(id, { rotateSecret: true }, ctx)).secret, message: "New secret generated. Update your receiver." }));
}

export async function deleteEndpointAction(id: string): Promise<TWebhookActionResult> {
  return run(async (ctx) => {
    await deleteWebhookEndpoint(id, ctx);
    return { ok: true, message: "Endpoint deleted." };
  });
}

export async function pingEndpointAction(id: string): Promise<TWebhookActionResult> {
  return run(async (ctx) => {
    const delivery = await pingWebhookEndpoint(id, ctx);
    const ok = delivery.status === "SUCCEEDED";
    return { ok, delivery, message: ok ? `Ping delivered: HTTP ${delivery.responseStatus} in ${delivery.durationMs} ms.` : undefined, error: ok ? undefined : `Ping failed: ${delivery.lastError ?? "no answer"}. It will be retried.` };
  });
}

export async function resendDeliveryAction(endpointId: string, deliveryId: string): Promise<TWebhookActionResult> {
  return run(async (ctx) => {
    const delivery = await resendWebhookDelivery(endpointId, deliveryId, ctx);
    const ok = delivery.status === "SUCCEEDED";
    return { ok, delivery, message: ok ? `Resent: HTTP ${delivery.responseStatus}.` : undefined, error: ok ? undefined : `Resend failed: ${delivery.lastError ?? "no answer"}. It will be retried.` };
  });
}
