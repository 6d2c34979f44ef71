"use client";

import Link from "next/link";
import { useActionState, useState } from "react";
import { createLicenseAction } from "@/app/console/licenses/actions";
import { buttonClass } from "../../ui/button";
import { Card } from "../../ui/card";
import { CONTROL, FieldInput, FieldSelect, FormErrorsProvider, FormField } from "../action-form";

import { CopyButton } from "../copy-button";

type TPolicyOption = { id: string; name: string; productId: string; seats: number; durationDays: number | null; model: string };

export function CreateLicenseForm({
  products,
  policies,
  organizations,
  initialOrganizationId,
}: {
  products: { id: string; name: string }[];
  policies: TPolicyOption[];
  organizations: { id: string; name: string }[];
  initialOrganizationId?: string;
}) {
  const [state, action, pending] = useActionState(createLicenseAction, null);
  const [productId, setProductId] = useState(products[0]?.id ?? "");
  const shown = policies.filter((p) => p.productId === productId);
  const [policyId, setPolicyId] = useState(shown[0]?.id ?? "");
  const policy = policies.find((p) => p.id === policyId);

  if (state?.ok && state.data) {
    const created = state.data as { id: string; key: string };
    return (
      <Card title="License created">
        <p className="text-sm text-slate-600">Send this key to the customer. It is also shown on the license page.</p>
        <div className="mt-3 flex flex-wrap items-center gap-3">
          <code data-testid="created-key" className="rounded bg-slate-100 px-3 py-2 font-mono text-base">
            {created.key}
          </code>
          <CopyButton value={created.key} label="Copy key" />
        </div>
        <div className="mt-4 flex gap-3">
          <Link href={`/console/licenses/${created.id}`} className={buttonClass("primary")}>
            Open license
          </Link>
          <a href="/console/licenses/new" className={buttonClass("secondary")}>
            Create another
          </a>
        </div>
      </Card>
    );
  }

  if (products.length === 0) {
    return (
      <Card>
        <p className="text-sm text-slate-600">
          Create a product and a policy first: <Link className="text-indigo-700 underline" href="/console/products">Products &amp; policies</Link>.
        </p>
      </Card>
    );
  }

  const errors = state && !state.ok ? (state.fieldErrors ?? {}) : {};
  return (
    <Card>
      <FormErrorsProvider value={errors}>
        <form action={action} noValidate className="grid max-w-3xl gap-4 sm:grid-cols-2">
          <FormField name="productId" label="Product">
            <select
              id="productId"
              className={CONTROL}
              value={productId}
              onChange={(e) => {
                setProductId(e.target.value);
                setPolicyId(policies.find((p) => p.productId === e.target.value)?.id ?? "");
              }}
            >
              {products.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </select>
          </FormField>
          <FormField name="policyId" label="Policy" hint={policy ? `${policy.model === "FLOATING" ? "Floating" : "Node-locked"}, ${policy.seats} seats, ${policy.durationDays ? `${policy.durationDays} days` : "no expiry"}` : undefined}>
            <FieldSelect name="policyId" value={policyId} onChange={(e) => setPolicyId(e.target.value)}>
              {shown.length === 0 ? <option value="">This product has no policies</option> : null}
              {shown.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.name}
                </option>
              ))}
            </FieldSelect>
          </FormField>
          <FormField name="organizationId" label="Customer">
            <FieldSelect name="organizationId" defaultValue={initialOrganizationId ?? ""}>
              <option value="">— No customer / new customer below —</option>
              {organizations.map((o) => (
                <option key={o.id} value={o.id}>
                  {o.name}
                </option>
              ))}
            </FieldSelect>
          </FormField>
          <FormField name="newCustomer" label="Or a new customer" hint="Creates the customer with this name.">
            <FieldInput name="newCustomer" placeholder="Customer name" maxLength={200} />
          </FormField>
          <FormField name="name" label="License name (optional)">
            <FieldInput name="name" maxLength={200} placeholder="e.g. Engineering team" />
          </FormField>
          <FormField name="seats" label="Seats" hint={policy ? `Empty: the policy's ${policy.seats}` : undefined}>
            <FieldInput name="seats" type="number" min={1} />
          </FormField>
          <FormField name="expiresAt" label="Valid through (UTC)" hint={policy?.durationDays ? `Empty: ${policy.durationDays} days from today` : "Empty: never expires"}>
            <FieldInput name="expiresAt" type="date" />
          </FormField>
          <FormField name="seatAlertThreshold" label="Seat alert threshold" hint="Optional: consumed seats in a period that trigger an email.">
            <FieldInput name="seatAlertThreshold" type="number" min={1} />
          </FormField>
          <div className="flex items-center gap-3 sm:col-span-2">
            <button type="submit" disabled={pending || !policyId} className={buttonClass("primary")}>
              {pending ? "Creating…" : "Create license"}
            </button>
            {state && !state.ok ? (
              <p role="alert" className="text-sm text-red-700">
                {state.error}
              </p>
            ) : null}
          </div>
        </form>
      </FormErrorsProvider>
    </Card>
  );
}
