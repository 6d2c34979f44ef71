import type { Metadata } from "next";
import { ForgotPasswordForm } from "@/components/auth/forgot-password-form";

export const metadata: Metadata = { title: "Reset your password" };

/** Public, for staff and portal users alike: the answer never tells whether an account exists. */
export default async function ForgotPasswordPage({ searchParams }: { searchParams: Promise<{ email?: string | string[] }> }) {
  const { email } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <p className="text-2xl font-bold tracking-tight text-indigo-700">Seatwise</p>
          <h1 className="mt-2 text-lg font-semibold text-slate-800">Reset your password</h1>
          <p className="mt-1 text-sm text-slate-600">Enter your email and we&apos;ll send you a link to choose a new password.</p>
        </div>
        <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          <ForgotPasswordForm defaultEmail={typeof email === "string" ? email.slice(0, 320) : undefined} />
        </div>
      </div>
    </main>
  );
}
