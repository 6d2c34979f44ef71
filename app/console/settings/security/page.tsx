import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { Card } from "@/components/ui/card";
import { TotpSettings } from "@/components/security/totp-settings";
import { totpStatus } from "@/lib/auth/totp";
import { requireStaffForOwnAccount } from "@/lib/security/guards";

export const metadata: Metadata = { title: "Security settings" };
export const dynamic = "force-dynamic";

export default async function SecuritySettingsPage() {
  const guard = await requireStaffForOwnAccount().catch(() => null);
  if (!guard) redirect("/login?callbackUrl=/console/settings/security");
  const { enabled } = await totpStatus(guard.user.id);
  return (
    <div className="max-w-2xl space-y-6">
      <div>
        <h1 className="text-xl font-semibold">Security</h1>
        <p className="mt-1 text-sm text-slate-600">Protect your console account ({guard.user.email}) with a second sign-in step.</p>
      </div>
      <Card title="Two-factor sign-in">
        <TotpSettings enabled={enabled} />
      </Card>
    </div>
  );
}
