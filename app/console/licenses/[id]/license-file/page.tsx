import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { GenerateLicenseFile } from "@/components/licenses/generate-license-file";
import { Card } from "@/components/ui/card";
import { currentUser } from "@/lib/auth/session";
import { findLicenseById } from "@/lib/licensing/find-license";

export const metadata: Metadata = { title: "Generate license file" };
export const dynamic = "force-dynamic";

// Temporary home of the generator until it sits on the license page itself.
export default async function LicenseFilePage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const [user, license] = await Promise.all([currentUser(), findLicenseById(id)]);
  if (!license) notFound();
  const customer = license.organization?.name ?? license.name ?? "License";
  return (
    <div className="space-y-6">
      <div>
        <Link href={`/console/licenses/${license.id}`} className="text-sm text-indigo-700 hover:underline">
          ← Back to license
        </Link>
        <h1 className="mt-1 text-xl font-semibold">Generate license file</h1>
        <p className="text-sm text-slate-600">
          {customer} · {license.policy.product.name} · <span className="font-mono">{license.key}</span>
        </p>
      </div>
      <Card title="Offline machine">
        <p className="mb-4 max-w-3xl text-sm text-slate-600">
          For a customer machine without internet access: enter the machine code the app shows. If the machine has no seat
          on this license yet, it takes one (the usual seat limit applies). Send the customer the downloaded .lic file.
        </p>
        <GenerateLicenseFile licenseId={license.id} canEdit={user?.role === "ADMIN"} />
      </Card>
    </div>
  );
}
