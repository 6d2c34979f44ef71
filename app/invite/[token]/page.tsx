import type { Metadata } from "next";
import Link from "next/link";
import { AcceptInvitationForm } from "@/components/portal/accept-invitation-form";
import { describeInvitation } from "@/lib/orgs/accept-invitation";

export const metadata: Metadata = { title: "Accept invitation", referrer: "no-referrer" };
export const dynamic = "force-dynamic";

export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const invitation = await describeInvitation(decodeURIComponent(token));
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <p className="text-2xl font-bold tracking-tight text-indigo-700">Seatwise</p>
          {invitation ? (
            <>
              <h1 className="mt-2 text-lg font-semibold text-slate-800">Join {invitation.organizationName}</h1>
              <p className="mt-1 text-sm text-slate-600">
                {invitation.kind === "ORG_ADMIN_LINK"
                  ? "You are invited as an administrator. Choose your sign-in details."
                  : `Hello ${invitation.name}, choose a password to finish setting up your account.`}
              </p>
            </>
          ) : (
            <h1 className="mt-2 text-lg font-semibold text-slate-800">This link can&apos;t be used</h1>
          )}
        </div>
        <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          {invitation ? (
            <AcceptInvitationForm token={decodeURIComponent(token)} email={invitation.email} askIdentity={invitation.kind === "ORG_ADMIN_LINK"} />
          ) : (
            <div className="space-y-3 text-sm text-slate-600" role="alert">
              <p>The invitation link is invalid, was already used or has expired.</p>
              <p>Ask your administrator to send a new invitation.</p>
              <p>
                Already set a password?{" "}
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
