import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/console/page-header";

export const metadata: Metadata = { title: "Settings" };

const SECTIONS = [
  { href: "/console/settings/staff", title: "Staff members", text: "Who can sign in to this console, as admin or read-only." },
  { href: "/console/settings/tokens", title: "API tokens", text: "Tokens for the admin API: create, see when they were last used, revoke." },
  { href: "/console/settings/email", title: "Email", text: "Vendor billing contact address and the sender of outgoing mail." },
  { href: "/console/settings/outbox", title: "Outbox", text: "Messages stored instead of sent while no email provider is configured." },
  { href: "/console/settings/emails", title: "Email templates & recipients", text: "Preview every notification and choose who gets it: vendor, customer admins, or both." },
  { href: "/console/settings/webhooks", title: "Webhooks", text: "Signed event deliveries to your billing, CRM and support systems, with a delivery log." },
  { href: "/console/settings/security", title: "Security", text: "Two-factor sign-in (TOTP) for your account." },
  { href: "/console/settings/signing-key", title: "Signing key", text: "The Ed25519 public key apps verify license files and answers with; key rotation." },
];

export default function SettingsPage() {
  return (
    <>
      <PageHeader title="Settings" />
      <ul className="grid gap-4 sm:grid-cols-2">
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link href={s.href} className="block rounded-lg bg-white p-4 shadow-sm ring-1 ring-slate-200 hover:ring-indigo-300 focus-visible:outline-2 focus-visible:outline-indigo-600">
              <p className="font-semibold text-indigo-700">{s.title}</p>
              <p className="mt-1 text-sm text-slate-600">{s.text}</p>
            </Link>
          </li>
        ))}
      </ul>
    </>
  );
}
