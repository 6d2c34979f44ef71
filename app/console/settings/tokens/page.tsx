import type { Metadata } from "next";
import { CreateTokenForm } from "@/components/console/create-token-form";
import { requireStaff } from "@/components/console/current-staff";
import { PageHeader } from "@/components/console/page-header";
import { TokensTable } from "@/components/console/settings-tables";
import { Card } from "@/components/ui/card";
import { listApiTokens } from "@/lib/console/manage-api-tokens";

export const metadata: Metadata = { title: "API tokens" };

export default async function TokensPage() {
  const me = await requireStaff();
  const tokens = await listApiTokens();
  return (
    <div className="space-y-6">
      <PageHeader
        back={{ href: "/console/settings", label: "Settings" }}
        title="API tokens"
        description="Bearer tokens for /api/v1/admin. A token acts with the role of the staff member who created it."
      />
      {me.canEdit ? (
        <Card title="Create a token">
          <CreateTokenForm />
        </Card>
      ) : null}
      <TokensTable rows={tokens} canEdit={me.canEdit} />
    </div>
  );
}
