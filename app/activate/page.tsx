import type { Metadata } from "next";
import { ActivateForm } from "@/components/activate/activate-form";
import { activationFormMessage } from "@/lib/license-files/activation-form";

export const metadata: Metadata = { title: "Activate a machine offline" };

const STEPS = [
  "On the offline machine, open the app and choose Activate offline. Note the machine code it shows.",
  "Here, on any computer with internet access, enter your license key and that machine code.",
  "Download the license file (.lic) and carry it to the offline machine, for example on a USB stick.",
  "In the app, open the license file. No internet connection is needed on that machine.",
];

export default async function ActivatePage({ searchParams }: { searchParams: Promise<{ error?: string }> }) {
  const { error } = await searchParams;
  return (
    <main className="mx-auto max-w-4xl px-4 py-10">
      <p className="text-2xl font-bold tracking-tight text-indigo-700">Seatwise</p>
      <h1 className="mt-2 text-xl font-semibold text-slate-900">Activate a machine without internet access</h1>
      <div className="mt-6 grid gap-6 md:grid-cols-[1fr_1.2fr]">
        <section aria-labelledby="how-it-works" className="space-y-3">
          <h2 id="how-it-works" className="text-sm font-semibold text-slate-800">
            How it works
          </h2>
          <ol className="space-y-3">
            {STEPS.map((step, i) => (
              <li key={step} className="flex gap-3 text-sm text-slate-700">
                <span className="flex size-6 shrink-0 items-center justify-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-700">
                  {i + 1}
                </span>
                <span>{step}</span>
              </li>
            ))}
          </ol>
          <p className="text-xs text-slate-500">
            Activating takes one seat of your license. Doing it again for the same machine code does not take another seat;
            it gives you a fresh file.
          </p>
        </section>
        <section className="rounded-lg bg-white p-6 shadow-sm ring-1 ring-slate-200" aria-label="Activation form">
          <ActivateForm initialError={error ? activationFormMessage(error) : undefined} />
        </section>
      </div>
    </main>
  );
}
