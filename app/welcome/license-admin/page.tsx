import type { Metadata } from "next";
import { Card } from "@/components/ui/card";
import { WelcomeForm } from "./welcome-form";

export const metadata: Metadata = { title: "Set your portal password" };

/**
 * Landing page of the License Administrator welcome email. Standalone on purpose: the customer portal
 * (feat/portal) owns sign-in; this page only redeems the single-use link and sends them there.
 */
export default async function LicenseAdminWelcomePage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token : "";
  return (
    <main className="mx-auto max-w-md px-4 py-16">
      <Card title="Welcome, License Administrator">
        {value ? (
          <>
            <p className="mb-4 text-sm text-slate-600">
              Choose a password for the customer portal. There you can free seats and change your license&apos;s activation password.
            </p>
            <WelcomeForm token={value} />
          </>
        ) : (
          <p role="alert" className="text-sm text-red-700">
            This link is incomplete. Open the link from your welcome email again.
          </p>
        )}
      </Card>
    </main>
  );
}
