import { Card } from "../../ui/card";
import { ActionForm, FieldInput, FieldTextarea, FormField } from "../action-form";
import { dayInputValue } from "../format";
import { changeExpiryAction, changeSeatsAction, updateDetailsAction } from "@/app/console/licenses/actions";

type TEditable = {
  id: string;
  name: string | null;
  notes: string | null;
  seats: number;
  seatsUsed: number;
  expiresAt: string | null;
  seatAlertThreshold: number | null;
};

/** Admin-only forms on the license page; each saves one concern and logs it as its own event. */
export function LicenseEditForms({ license }: { license: TEditable }) {
  return (
    <div className="grid gap-4 lg:grid-cols-3">
      <Card title="Seat count">
        <ActionForm action={changeSeatsAction} submitLabel="Change seats" testId="seats-form">
          <input type="hidden" name="id" value={license.id} />
          <FormField
            name="seats"
            label="Seats"
            hint={`${license.seatsUsed} in use. Lowering below that blocks new activations until usage drops; empty uses the policy's count.`}
          >
            <FieldInput name="seats" type="number" min={1} defaultValue={license.seats} key={license.seats} />
          </FormField>
        </ActionForm>
      </Card>
      <Card title="Expiry">
        <ActionForm action={changeExpiryAction} submitLabel="Save expiry" testId="expiry-form">
          <input type="hidden" name="id" value={license.id} />
          <FormField name="expiresAt" label="Valid through (UTC)" hint="Leave empty for a license that never expires.">
            <FieldInput name="expiresAt" type="date" defaultValue={dayInputValue(license.expiresAt)} key={license.expiresAt ?? "never"} />
          </FormField>
        </ActionForm>
      </Card>
      <Card title="Details">
        <ActionForm action={updateDetailsAction} submitLabel="Save details" testId="details-form">
          <input type="hidden" name="id" value={license.id} />
          <FormField name="name" label="Name">
            <FieldInput name="name" defaultValue={license.name ?? ""} maxLength={200} />
          </FormField>
          <FormField name="seatAlertThreshold" label="Seat alert threshold" hint="Email the billing contact when this many seats are consumed in a period.">
            <FieldInput name="seatAlertThreshold" type="number" min={1} defaultValue={license.seatAlertThreshold ?? ""} />
          </FormField>
          <FormField name="notes" label="Notes">
            <FieldTextarea name="notes" defaultValue={license.notes ?? ""} maxLength={5000} />
          </FormField>
        </ActionForm>
      </Card>
    </div>
  );
}
