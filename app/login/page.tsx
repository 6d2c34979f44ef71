import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { SignInForm } from "@/components/auth/sign-in-form";
import { currentUser } from "@/lib/auth/session";
import { loadOrgActor } from "@/lib/portal/actor";

export const metadata: Metadata = { title: "Sign in" };

export default async function LoginPage({ searchParams }: { searchParams: Promise<{ callbackUrl?: string; accepted?: string; reset?: string; email?: string }> }) {
  const { callbackUrl, accepted, reset, email } = await searchParams;
  // Only same-site paths, so the sign-in page can't be used as an open redirect.
  const target = callbackUrl?.startsWith("/") && !callbackUrl.startsWith("//") ? callbackUrl : "/";
  const user = await currentUser();
  // Each kind of user has one area: org users never land in the console, nor staff in the portal.
  // A removed or disabled org user still holding a session cookie stays here instead of bouncing back.
  const usable = user && (user.kind === "staff" || (await loadOrgActor(user.id)));
  if (user && usable) redirect(areaTarget(user.kind, target));
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm space-y-6">
        <div className="text-center">
          <p className="text-2xl font-bold tracking-tight text-indigo-700">Seatwise</p>
          <h1 className="mt-2 text-lg font-semibold text-slate-800">Sign in to your account</h1>
        </div>
        <div className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200">
          {accepted ? (
            <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
              Your password is set. Sign in to the portal, or in the application with the same email and password.
            </p>
          ) : reset ? (
            <p role="status" className="mb-4 rounded-md bg-emerald-50 px-3 py-2 text-sm text-emerald-800">
              Your password was changed. Sign in with your new password.
            </p>
          ) : null}
          <SignInForm callbackUrl={target} defaultEmail={(accepted || reset) && email ? email.slice(0, 320) : undefined} />
        </div>
      </div>
    </main>
  );
}

function areaTarget(kind: "staff" | "org", target: string): string {
  const home = kind === "org" ? "/portal" : "/console";
  const inArea = target === home || target.startsWith(`${home}/`) || target.startsWith(`${home}?`);
  return inArea ? target : home;
}
