import type { TFormAction } from "./action-form";
import { ActionForm, FieldInput, FieldSelect, FormField } from "./action-form";

export function ProductForm({ action, product, submitLabel }: { action: TFormAction; product?: { id: string; name: string; code: string }; submitLabel: string }) {
  return (
    <ActionForm action={action} submitLabel={submitLabel} testId="product-form">
      {product ? <input type="hidden" name="id" value={product.id} /> : null}
      <div className="grid gap-4 sm:grid-cols-2">
        <FormField name="name" label="Name">
          <FieldInput name="name" defaultValue={product?.name} maxLength={200} required />
        </FormField>
        <FormField name="code" label="Code" hint="Used by client apps and the API, e.g. acme-cad.">
          <FieldInput name="code" defaultValue={product?.code} maxLength={64} required />
        </FormField>
      </div>
    </ActionForm>
  );
}

type TPolicyValues = { id?: string; productId?: string; name: string; model: string; seats: number; durationDays: number | null; leaseDurationSeconds: number };

export function PolicyForm({ action, policy, submitLabel }: { action: TFormAction; policy: TPolicyValues; submitLabel: string }) {
  return (
    <ActionForm action={action} submitLabel={submitLabel} testId="policy-form">
      {policy.id ? <input type="hidden" name="id" value={policy.id} /> : null}
      {policy.productId ? <input type="hidden" name="productId" value={policy.productId} /> : null}
      <div className="grid gap-4 sm:grid-cols-3">
        <FormField name="name" label="Name">
          <FieldInput name="name" defaultValue={policy.name} maxLength={200} required />
        </FormField>
        <FormField name="model" label="Model" hint="Node-locked: a seat per device. Floating: seats are leased and return when the lease ends.">
          <FieldSelect name="model" defaultValue={policy.model}>
            <option value="NODE_LOCKED">Node-locked</option>
            <option value="FLOATING">Floating</option>
          </FieldSelect>
        </FormField>
        <FormField name="seats" label="Seats">
          <FieldInput name="seats" type="number" min={1} defaultValue={policy.seats} required />
        </FormField>
        <FormField name="durationDays" label="Duration (days)" hint="Empty: licenses never expire.">
          <FieldInput name="durationDays" type="number" min={1} defaultValue={policy.durationDays ?? ""} />
        </FormField>
        <FormField name="leaseMinutes" label="Lease duration (minutes)" hint="Floating only: how long a seat is held without a heartbeat.">
          <FieldInput name="leaseMinutes" type="number" min={1} defaultValue={Math.round(policy.leaseDurationSeconds / 60)} required />
        </FormField>
      </div>
    </ActionForm>
  );
}
