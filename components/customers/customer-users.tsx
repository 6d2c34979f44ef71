import { Badge } from "../portal/badge";
import { formatDate } from "../portal/page-header";
import { Card } from "../ui/card";
import { listPendingInvitations } from "@/lib/orgs/admin-links";
import { listOrgUsers } from "@/lib/orgs/list-org-users";
import { AddCustomerUserForm, AdminLinkForm, InvitationActions, UserRowActions } from "./customer-users-forms";

const STATUS = { ACTIVE: ["green", "Active"], INVITED: ["amber", "Invited"], DISABLED: ["slate", "Disabled"] } as const;

/**
 * A customer's people for the vendor console: admins, members, pending invitations and org-admin
 * invitation links. Server component; place it on the customer detail page.
 * `canEdit` is false for read-only staff (the actions check the role again on the server).
 */
export async function CustomerUsers({ organizationId, canEdit }: { organizationId: string; canEdit: boolean }) {
  const [{ users, total }, invitations] = await Promise.all([listOrgUsers(organizationId, { pageSize: 200 }), listPendingInvitations(organizationId)]);
  const admins = users.filter((u) => u.role === "ORG_ADMIN");
  const members = users.filter((u) => u.role !== "ORG_ADMIN");
  const section = (title: string, rows: typeof users, testId: string) => (
    <Card title={`${title} (${rows.length})`}>
      {rows.length === 0 ? (
        <p className="text-sm text-slate-500">None yet.</p>
      ) : (
        <table className="w-full text-left text-sm" data-testid={testId}>
          <thead className="text-xs text-slate-500 uppercase">
            <tr>
              <th className="py-2">User</th>
              <th>Status</th>
              {title === "Admins" ? <th>Permissions</th> : null}
              <th>Seats</th>
              <th>Added</th>
              {canEdit ? <th className="text-right">Actions</th> : null}
            </tr>
          </thead>
          <tbody className="divide-y divide-slate-100">
            {rows.map((u) => (
              <tr key={u.id}>
                <td className="py-2">
                  <div className="font-medium">{u.name}</div>
                  <div className="text-xs text-slate-500">{u.email}</div>
                </td>
                <td>
                  <Badge tone={STATUS[u.status][0]}>{STATUS[u.status][1]}</Badge>
                </td>
                {title === "Admins" ? (
                  <td className="text-xs text-slate-600">{permissionsLabel(u)}</td>
                ) : null}
                <td>{u.activeSeats}</td>
                <td>{formatDate(u.createdAt)}</td>
                {canEdit ? (
                  <td className="text-right">
                    <UserRowActions organizationId={organizationId} userId={u.id} email={u.email} invited={u.status === "INVITED"} seats={u.activeSeats} />
                  </td>
                ) : null}
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Card>
  );
  return (
    <div className="space-y-6" data-testid="customer-users">
      <p className="text-sm text-slate-600">
        {total} user{total === 1 ? "" : "s"} in this organization{total > users.length ? ` (showing the first ${users.length}; the admin API lists all)` : ""}.
      </p>
      {section("Admins", admins, "customer-admins")}
      {section("Members", members, "customer-members")}
      <Card title={`Pending invitations (${invitations.length})`}>
        {invitations.length === 0 ? (
          <p className="text-sm text-slate-500">No pending invitations or links.</p>
        ) : (
          <table className="w-full text-left text-sm" data-testid="customer-invitations">
            <thead className="text-xs text-slate-500 uppercase">
              <tr>
                <th className="py-2">Kind</th>
                <th>For</th>
                <th>Permissions</th>
                <th>Expires</th>
                {canEdit ? <th className="text-right">Actions</th> : null}
              </tr>
            </thead>
            <tbody className="divide-y divide-slate-100">
              {invitations.map((i) => (
                <tr key={i.id}>
                  <td className="py-2">{i.kind === "ORG_ADMIN_LINK" ? <Badge tone="indigo">Admin link</Badge> : <Badge>User invitation</Badge>}</td>
                  <td>{i.email ?? <span className="text-slate-500">Anyone with the link</span>}</td>
                  <td className="text-xs text-slate-600">
                    {i.kind === "ORG_ADMIN_LINK" ? permissionsLabel(i) : "—"}
                  </td>
                  <td>{formatDate(i.expiresAt)}</td>
                  {canEdit ? (
                    <td className="text-right">
                      <InvitationActions organizationId={organizationId} invitationId={i.id} />
                    </td>
                  ) : null}
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </Card>
      {canEdit ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Invitation link for an org admin">
            <AdminLinkForm organizationId={organizationId} />
          </Card>
          <Card title="Add a user">
            <AddCustomerUserForm organizationId={organizationId} />
          </Card>
        </div>
      ) : null}
    </div>
  );
}

function permissionsLabel(p: { canManageUsers: boolean; canDeactivateSeats: boolean }): string {
  return [p.canManageUsers && "Manage users", p.canDeactivateSeats && "Deactivate seats"].filter(Boolean).join(", ") || "View only";
}
