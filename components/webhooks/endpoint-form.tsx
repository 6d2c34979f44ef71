"use client";
import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, Input } from "@/components/ui/input";
import type { TWebhookActionResult } from "@/app/console/settings/webhooks/actions";
import { WEBHOOK_EVENT_TYPE_NAMES, WEBHOOK_EVENT_TYPES } from "@/lib/webhooks/event-types";
import { SecretBox } from "./secret-box";

type TEndpointValues = { url: string; description: string | null; events: string[]; enabled: boolean };

export function EndpointForm({
  action,
  initial,
  mode,
  readOnly,
}: {
  action: (previous: TWebhookActionResult | null, form: FormData) => Promise<TWebhookActionResult>;
  initial?: TEndpointValues;
  mode: "create" | "edit";
  readOnly: boolean;
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [scope, setScope] = useState<"all" | "chosen">(initial && initial.events.length > 0 ? "chosen" : "all");
  const errors = state?.fieldErrors ?? {};
  if (mode === "create" && state?.ok && state.secret) {
    return (
      <div className="space-y-3" data-testid="endpoint-created">
        <p className="text-sm text-emerald-700">Endpoint created. Copy its signing secret now and store it with your receiver.</p>
        <SecretBox secret={state.secret} />
        <a className="text-sm font-medium text-indigo-700 hover:underline" href={`/console/settings/webhooks/${state.endpointId}`}>
          Open the endpoint →
        </a>
      </div>
    );
  }
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <fieldset disabled={readOnly || pending} className="space-y-4">
        <Field label="Endpoint URL" htmlFor="url" error={errors.url} hint="Seatwise POSTs signed JSON to this URL.">
          <Input id="url" name="url" type="url" required placeholder="https://example.com/webhooks/seatwise" defaultValue={initial?.url} aria-invalid={Boolean(errors.url)} />
        </Field>
        <Field label="Description (optional)" htmlFor="description" error={errors.description}>
          <Input id="description" name="description" maxLength={200} placeholder="CRM sync" defaultValue={initial?.description ?? ""} />
        </Field>
        <div className="space-y-2">
          <span className="block text-sm font-medium text-slate-700">Events</span>
          <div className="flex gap-4 text-sm">
            <label className="flex items-center gap-2">
              <input type="radio" name="scope" value="all" checked={scope === "all"} onChange={() => setScope("all")} /> All events (including future types)
            </label>
            <label className="flex items-center gap-2">
              <input type="radio" name="scope" value="chosen" checked={scope === "chosen"} onChange={() => setScope("chosen")} /> Only selected events
            </label>
          </div>
          {scope === "chosen" ? (
            <div className="grid grid-cols-1 gap-1 rounded-md bg-slate-50 p-3 sm:grid-cols-2 lg:grid-cols-3">
              {WEBHOOK_EVENT_TYPE_NAMES.map((type) => (
                <label key={type} className="flex items-start gap-2 text-sm" title={WEBHOOK_EVENT_TYPES[type].description}>
                  <input type="checkbox" name="events" value={type} defaultChecked={initial?.events.includes(type)} className="mt-1" />
                  <span className="font-mono text-xs leading-6">{type}</span>
                </label>
              ))}
            </div>
          ) : null}
          {errors.events ? (
            <p className="text-xs text-red-600" role="alert">
              {errors.events}
            </p>
          ) : null}
        </div>
        {mode === "edit" ? (
          <label className="flex items-center gap-2 text-sm">
            <input type="checkbox" name="enabled" defaultChecked={initial?.enabled} /> Enabled
          </label>
        ) : null}
      </fieldset>
      <div className="flex items-center gap-3">
        <Button type="submit" disabled={readOnly || pending}>
          {pending ? "Saving…" : mode === "create" ? "Create endpoint" : "Save changes"}
        </Button>
        {state?.error ? (
          <p className="text-sm text-red-600" role="alert">
            {state.error}
          </p>
        ) : null}
        {state?.ok && state.message ? (
          <p className="text-sm text-emerald-700" role="status">
            {state.message}
          </p>
        ) : null}
        {readOnly ? <p className="text-sm text-slate-500">Read-only staff can't change webhooks.</p> : null}
      </div>
    </form>
  );
}
