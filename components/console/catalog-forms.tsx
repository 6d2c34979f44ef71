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

type TPolicyValues = {
  id?: string;
  productId?: string;
  name: string;
  model: string;
  seats: number;
  durationDays: number | null;
  leaseDurationSeconds: number;
  kind?: string;
  evaluationDays?: number | null;
  goodwillSeats?: number;
  deactivationCooldownHours?: number;
  checkInIntervalDays?: number | null;
  entitlements?: string[];
};

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
      <fieldset className="mt-6 border-t border-slate-200 pt-4" data-testid="policy-rules">
        <legend className="pr-2 text-sm font-semibold text-slate-800">Seat rules</legend>
        <p className="mb-3 text-xs text-slate-500">Every rule is off by default. A license can override goodwill seats, cooldown, check-in and add entitlements.</p>
        <div className="grid gap-4 sm:grid-cols-3">
          <FormField name="kind" label="Kind" hint="Evaluation: exactly one seat, one evaluation per machine per product.">
            <FieldSelect name="kind" defaultValue={policy.kind ?? "STANDARD"}>
              <option value="STANDARD">Standard</option>
              <option value="EVALUATION">Evaluation</option>
            </FieldSelect>
          </FormField>
          <FormField name="evaluationDays" label="Evaluation days" hint="Evaluation only: the license expires this many days after its first activation.">
            <FieldInput name="evaluationDays" type="number" min={1} defaultValue={policy.evaluationDays ?? ""} />
          </FormField>
          <FormField name="goodwillSeats" label="Goodwill seats" hint="Node-locked: activations past the limit up to this many extra succeed as overage; billing is told once per period.">
            <FieldInput name="goodwillSeats" type="number" min={0} defaultValue={policy.goodwillSeats ?? 0} />
          </FormField>
          <FormField name="deactivationCooldownHours" label="Deactivation cooldown (hours)" hint="Node-locked: a seat the customer deactivates keeps counting this long. 0: off.">
            <FieldInput name="deactivationCooldownHours" type="number" min={0} defaultValue={policy.deactivationCooldownHours ?? 0} />
          </FormField>
          <FormField name="checkInIntervalDays" label="Check-in interval (days)" hint="Devices must heartbeat this often or validate answers CHECK_IN_OVERDUE. Empty: off.">
            <FieldInput name="checkInIntervalDays" type="number" min={1} defaultValue={policy.checkInIntervalDays ?? ""} />
          </FormField>
          <FormField name="entitlements" label="Entitlements" hint="Feature codes every license of this policy includes, comma-separated, e.g. export-pdf, cloud-sync.">
            <FieldInput name="entitlements" defaultValue={(policy.entitlements ?? []).join(", ")} maxLength={2000} />
          </FormField>
        </div>
      </fieldset>
    </ActionForm>
  );
}
