import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { Card } from "@/components/ui/card";
import { DeleteEndpointButton, PingButton, ResendButton, SecretControls } from "@/components/webhooks/endpoint-actions";
import { EndpointForm } from "@/components/webhooks/endpoint-form";
import { StatusBadge } from "@/components/webhooks/status-badge";
import { ApiError } from "@/lib/api/errors";
import { currentUser } from "@/lib/auth/session";
import { listWebhookDeliveries } from "@/lib/webhooks/deliveries";
import { getWebhookEndpoint } from "@/lib/webhooks/endpoints";
import { ZListDeliveries } from "@/lib/webhooks/schemas";
import { updateEndpointAction } from "../actions";

export const metadata: Metadata = { title: "Webhook endpoint" };

const time = (iso: string | null) => (iso ? new Date(iso).toLocaleString("en-GB", { dateStyle: "medium", timeStyle: "medium", timeZone: "UTC" }) + " UTC" : "—");

export default async function WebhookEndpointPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | undefined>> }) {
  const { id } = await params;
  const parsedQuery = ZListDeliveries.safeParse(await searchParams);
  const query = parsedQuery.success ? parsedQuery.data : { page: 1, pageSize: 25 };
  const user = await currentUser();
  const readOnly = user?.role !== "ADMIN";
  let endpoint;
  try {
    endpoint = await getWebhookEndpoint(id);
  } catch (error) {
    if (error instanceof ApiError && error.code === "NOT_FOUND") notFound();
    throw error;
  }
  const { deliveries, total, page, pageSize } = await listWebhookDeliveries(id, query);
  const pages = Math.max(1, Math.ceil(total / pageSize));
  const href = (p: number, status: string | undefined = parsedQuery.success ? parsedQuery.data.status : undefined) =>
    `/console/settings/webhooks/${id}?${new URLSearchParams({ page: String(p), ...(status ? { status } : {}) })}`;
  const status = parsedQuery.success ? parsedQuery.data.status : undefined;

  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-500">
          <Link href="/console" className="hover:underline">Console</Link> / Settings /{" "}
          <Link href="/console/settings/webhooks" className="hover:underline">Webhooks</Link>
        </p>
        <div className="flex items-center gap-3">
          <h1 className="font-mono text-lg font-semibold break-all">{endpoint.url}</h1>
          <StatusBadge status={endpoint.enabled ? "ENABLED" : "DISABLED"} label={endpoint.enabled ? "enabled" : "disabled"} />
        </div>
        {endpoint.disabledReason ? (
          <p className="mt-2 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-800 ring-1 ring-amber-200" role="status">
            {endpoint.disabledReason} Pending deliveries resume in order when you enable it again.
          </p>
        ) : null}
      </div>

      <div className="grid gap-6 lg:grid-cols-3">
        <Card title="Settings" className="lg:col-span-2">
          <EndpointForm action={updateEndpointAction.bind(null, id)} mode="edit" readOnly={readOnly} initial={endpoint} />
        </Card>
        <div className="space-y-6">
          <Card title="Signing secret">
            <SecretControls endpointId={id} canReveal={!readOnly} />
          </Card>
          <Card title="Test">
            <div className="space-y-4">
              <PingButton endpointId={id} disabled={readOnly || !endpoint.enabled} />
              <DeleteEndpointButton endpointId={id} disabled={readOnly} />
            </div>
          </Card>
        </div>
      </div>

      <Card
        title={`Deliveries (${total})`}
        actions={
          <nav className="flex gap-1 text-xs" aria-label="Filter deliveries by status">
            {[undefined, "PENDING", "SUCCEEDED", "FAILED"].map((s) => (
              <Link
                key={s ?? "all"}
                href={href(1, s)}
                aria-current={s === status ? "page" : undefined}
                className={`rounded px-2 py-1 ${s === status ? "bg-indigo-600 text-white" : "text-slate-600 hover:bg-slate-100"}`}
              >
                {s ? s.toLowerCase() : "all"}
              </Link>
            ))}
          </nav>
        }
      >
        {deliveries.length === 0 ? (
          <p className="text-sm text-slate-500" data-testid="no-deliveries">
            {status ? `No ${status.toLowerCase()} deliveries.` : "No deliveries yet. Events this endpoint subscribes to appear here, or send a test ping."}
          </p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="deliveries-table">
            <thead className="text-xs text-slate-500 uppercase">
              <tr>
                <th className="py-2">Event</th>
                <th>Status</th>
                <th>Response</th>
                <th className="pr-6 text-right">Attempts</th>
                <th>Created</th>
                <th>Last attempt</th>
                <th />
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {deliveries.map((d) => (
                <tr key={d.id} className="align-top" data-testid="delivery-row">
                  <td className="py-2">
                    <details>
                      <summary className="cursor-pointer font-mono text-xs">{d.eventType}</summary>
                      <pre className="mt-2 max-w-xl overflow-x-auto rounded bg-slate-50 p-2 text-xs">{JSON.stringify(d.payload, null, 2)}</pre>
                      {d.responseBody ? <p className="mt-1 max-w-xl text-xs break-all text-slate-500">Response: {d.responseBody}</p> : null}
                    </details>
                  </td>
                  <td>
                    <StatusBadge status={d.status} />
                    {d.status === "PENDING" && d.nextAttemptAt && d.attempts > 0 ? <p className="text-xs text-slate-500">next {time(d.nextAttemptAt)}</p> : null}
                  </td>
                  <td className="text-xs">
                    {d.responseStatus ? <span className="font-mono">HTTP {d.responseStatus}</span> : null}
                    {d.durationMs !== null ? <span className="text-slate-500"> · {d.durationMs} ms</span> : null}
                    {d.lastError && d.responseStatus === null ? <p className="text-red-600">{d.lastError}</p> : null}
                    {d.attempts === 0 ? <span className="text-slate-500">not sent yet</span> : null}
                  </td>
                  <td className="pr-6 text-right tabular-nums">{d.attempts}</td>
                  <td className="text-xs text-slate-600">{time(d.createdAt)}</td>
                  <td className="text-xs text-slate-600">{time(d.lastAttemptAt)}</td>
                  <td className="text-right">
                    <ResendButton endpointId={id} deliveryId={d.id} disabled={readOnly || !endpoint.enabled} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {pages > 1 ? (
          <nav className="mt-4 flex items-center justify-between text-sm" aria-label="Pagination">
            {page > 1 ? <Link href={href(page - 1)} className="text-indigo-700 hover:underline">← Newer</Link> : <span />}
            <span className="text-slate-500">
              Page {page} of {pages}
            </span>
            {page < pages ? <Link href={href(page + 1)} className="text-indigo-700 hover:underline">Older →</Link> : <span />}
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
