import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { CsvImport } from "@/components/portal/csv-import";
import { InviteUserForm } from "@/components/portal/invite-user-form";
import { EmptyState, PageHeader } from "@/components/portal/page-header";
import { Pagination } from "@/components/portal/pagination";
import { UsersTable } from "@/components/portal/users-table";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import { Input } from "@/components/ui/input";
import { ZListOrgUsers } from "@/lib/orgs/schemas";
import { isOrgAdmin } from "@/lib/portal/actor";
import { portalListUsers } from "@/lib/portal/manage-users";
import { requireOrgActor } from "@/lib/portal/session";

export const metadata: Metadata = { title: "Users" };

export default async function PortalUsers({ searchParams }: { searchParams: Promise<Record<string, string | undefined>> }) {
  const actor = await requireOrgActor("/portal/users");
  if (!isOrgAdmin(actor)) notFound();
  const sp = await searchParams;
  const parsed = ZListOrgUsers.safeParse({ page: sp.page, q: sp.q || undefined });
  const input = parsed.success ? parsed.data : { page: 1, pageSize: 25 };
  const { users, total, page, pageSize } = await portalListUsers(actor, input);
  const q = parsed.success ? parsed.data.q : undefined;
  return (
    <>
      <PageHeader
        title="Users"
        description={actor.canManageUsers ? "Invite the people who use the software; each gets an email to choose a password." : "You can see the users; ask an admin with user management permission to change them."}
      />
      <Card title={`People in ${actor.organizationName}`}>
        <form method="get" className="mb-4 flex items-end gap-3" role="search">
          <div className="min-w-64 flex-1">
            <label htmlFor="user-q" className="block text-sm font-medium text-slate-700">
              Search
            </label>
            <Input id="user-q" name="q" type="search" defaultValue={q} placeholder="Name or email" />
          </div>
          <button type="submit" className={buttonClass("secondary")}>
            Search
          </button>
          {q ? (
            <Link href="/portal/users" className="py-2 text-sm text-indigo-700 hover:underline">
              Clear
            </Link>
          ) : null}
        </form>
        {users.length === 0 ? (
          <EmptyState title={q ? "No user matches" : "No users yet"}>{q ? "Try another name or email." : "Invite the first one below."}</EmptyState>
        ) : (
          <UsersTable rows={users} selfId={actor.userId} canManage={actor.canManageUsers} canDeactivateSeats={actor.canDeactivateSeats} />
        )}
        <Pagination basePath="/portal/users" params={{ q }} page={page} pageSize={pageSize} total={total} />
      </Card>
      {actor.canManageUsers ? (
        <div className="grid gap-6 lg:grid-cols-2">
          <Card title="Invite a user">
            <InviteUserForm />
          </Card>
          <Card title="Import users from CSV">
            <CsvImport />
          </Card>
        </div>
      ) : null}
    </>
  );
}
