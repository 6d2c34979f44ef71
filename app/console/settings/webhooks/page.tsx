import type { Metadata } from "next";
import Link from "next/link";
import { Card } from "@/components/ui/card";
import { EndpointForm } from "@/components/webhooks/endpoint-form";
import { StatusBadge } from "@/components/webhooks/status-badge";
import { currentUser } from "@/lib/auth/session";
import { listWebhookEndpoints } from "@/lib/webhooks/endpoints";
import { createEndpointAction } from "./actions";

export const metadata: Metadata = { title: "Webhooks" };

export default async function WebhooksPage() {
  const [user, endpoints] = await Promise.all([currentUser(), listWebhookEndpoints()]);
  const readOnly = user?.role !== "ADMIN";
  return (
    <div className="space-y-6">
      <div>
        <p className="text-sm text-slate-500">
          <Link href="/console" className="hover:underline">Console</Link> / Settings / Webhooks
        </p>
        <h1 className="text-xl font-semibold">Webhooks</h1>
        <p className="mt-1 max-w-3xl text-sm text-slate-600">
          Seatwise POSTs license, activation and user events to your endpoints, signed per the Standard Webhooks specification. Each license&apos;s events
          arrive in order; failed deliveries are retried for about a day.
        </p>
      </div>
      <Card title={`Endpoints (${endpoints.length})`}>
        {endpoints.length === 0 ? (
          <p className="text-sm text-slate-500" data-testid="no-endpoints">
            No endpoints yet. Add one below to start receiving events.
          </p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="endpoints-table">
            <thead className="text-xs text-slate-500 uppercase">
              <tr>
                <th className="py-2">URL</th>
                <th>Events</th>
                <th>Status</th>
                <th className="text-right">Pending</th>
                <th className="text-right">Failed</th>
                <th className="text-right">Delivered</th>
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {endpoints.map((e) => (
                <tr key={e.id}>
                  <td className="max-w-md py-2">
                    <Link href={`/console/settings/webhooks/${e.id}`} className="font-mono text-xs break-all text-indigo-700 hover:underline">
                      {e.url}
                    </Link>
                    {e.description ? <p className="text-xs text-slate-500">{e.description}</p> : null}
                  </td>
                  <td className="text-xs text-slate-600">{e.allEvents ? "All events" : `${e.events.length} selected`}</td>
                  <td>
                    <StatusBadge status={e.enabled ? "ENABLED" : "DISABLED"} label={e.enabled ? "enabled" : "disabled"} />
                  </td>
                  <td className="text-right tabular-nums">{e.deliveries.pending}</td>
                  <td className={`text-right tabular-nums ${e.deliveries.failed > 0 ? "text-red-600" : ""}`}>{e.deliveries.failed}</td>
                  <td className="text-right tabular-nums">{e.deliveries.succeeded}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      <Card title="Add an endpoint">
        <EndpointForm action={createEndpointAction} mode="create" readOnly={readOnly} />
      </Card>
    </div>
  );
}
