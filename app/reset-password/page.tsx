import type { Metadata } from "next";
import Link from "next/link";
import { ResetPasswordForm } from "@/components/auth/reset-password-form";
import { describeResetLink, resetLinkMessage } from "@/lib/auth/reset-password";

// no-referrer: the token in the address must not leak to other sites through links on this page.
export const metadata: Metadata = { title: "Choose a new password", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function ResetPasswordPage({ searchParams }: { searchParams: Promise<{ token?: string | string[] }> }) {
  const { token } = await searchParams;
  const value = typeof token === "string" ? token.slice(0, 200) : "";
  const link = value ? await describeResetLink(value) : null;
  const usable = link?.status === "usable" ? link : null;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <p className="text-2xl font-bold tracking-tight text-indigo-700">Seatwise</p>
          <h1 className="mt-2 text-lg font-semibold text-slate-800">{usable ? "Choose a new password" : "This link can't be used"}</h1>
        </div>
        <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          {usable ? (
            <ResetPasswordForm token={value} email={usable.email} minLength={usable.minLength} />
          ) : (
            <div className="space-y-3 text-sm text-slate-600" role="alert">
              <p>{link && link.status !== "usable" ? resetLinkMessage(link.status) : "This reset link is incomplete. Open the link from your email again."}</p>
              <p className="flex gap-4">
                <Link href="/forgot-password" className="font-medium text-indigo-700 hover:underline">
                  Ask for a new link
                </Link>
                <Link href="/login" className="font-medium text-indigo-700 hover:underline">
                  Sign in
                </Link>
              </p>
            </div>
          )}
        </div>
      </div>
    </main>
  );
}
