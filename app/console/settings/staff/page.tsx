import type { Metadata } from "next";
import { ActionForm, FieldInput, FieldSelect, FormField } from "@/components/console/action-form";
import { requireStaff } from "@/components/console/current-staff";
import { PageHeader } from "@/components/console/page-header";
import { StaffTable } from "@/components/console/settings-tables";
import { Card } from "@/components/ui/card";
import { listStaff } from "@/lib/console/manage-staff";
import { createStaffAction } from "../actions";

export const metadata: Metadata = { title: "Staff members" };

export default async function StaffPage() {
  const me = await requireStaff();
  const staff = await listStaff();
  const rows = staff.map((s) => ({ id: s.id, name: s.name, email: s.email, role: s.role, disabled: Boolean(s.disabledAt), createdAt: s.createdAt.toISOString() }));
  return (
    <div className="space-y-6">
      <PageHeader back={{ href: "/console/settings", label: "Settings" }} title="Staff members" description="Admins can change everything; read-only staff see everything and change nothing." />
      <StaffTable rows={rows} canEdit={me.canEdit} selfId={me.id} />
      {me.canEdit ? (
        <Card title="Add a staff member">
          <ActionForm action={createStaffAction} submitLabel="Add staff member" resetOnSuccess testId="add-staff-form">
            <div className="grid gap-4 sm:grid-cols-2">
              <FormField name="name" label="Name">
                <FieldInput name="name" maxLength={200} required />
              </FormField>
              <FormField name="email" label="Email">
                <FieldInput name="email" type="email" maxLength={320} required />
              </FormField>
              <FormField name="role" label="Role">
                <FieldSelect name="role" defaultValue="READ_ONLY">
                  <option value="READ_ONLY">Read-only</option>
                  <option value="ADMIN">Admin</option>
                </FieldSelect>
              </FormField>
              <FormField name="password" label="Initial password" hint="At least 12 characters. Share it privately.">
                <FieldInput name="password" type="password" autoComplete="new-password" minLength={12} required />
              </FormField>
            </div>
          </ActionForm>
        </Card>
      ) : null}
    </div>
  );
}
