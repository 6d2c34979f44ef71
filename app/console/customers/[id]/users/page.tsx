import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { CustomerUsers } from "@/components/customers/customer-users";
import { currentUser } from "@/lib/auth/session";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Customer users" };

// Temporary home of <CustomerUsers>: the lead moves it onto the customer detail page.
export default async function CustomerUsersPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const user = await currentUser();
  const organization = await db.organization.findUnique({ where: { id }, select: { id: true, name: true } });
  if (!organization || user?.kind !== "staff") notFound();
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">{organization.name}: users</h1>
      <CustomerUsers organizationId={organization.id} canEdit={user.role === "ADMIN"} />
    </div>
  );
}
