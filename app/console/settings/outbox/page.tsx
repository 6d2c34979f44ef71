import type { Metadata } from "next";
import Link from "next/link";
import { MailSettingsTabs } from "@/components/billing/settings-tabs";
import { buttonClass } from "@/components/ui/button";
import { Card } from "@/components/ui/card";
import type { EmailStatus } from "@/lib/generated/prisma/client";
import { EMAIL_STATUSES, listOutbox } from "@/lib/mail/list-outbox";

export const metadata: Metadata = { title: "Outbox" };

const PAGE_SIZE = 20;

const STATUS_STYLE: Record<EmailStatus, string> = {
  QUEUED: "bg-amber-100 text-amber-800",
  OUTBOX: "bg-sky-100 text-sky-800",
  SENT: "bg-green-100 text-green-800",
  FAILED: "bg-red-100 text-red-800",
};

const STATUS_LABEL: Record<EmailStatus, string> = { QUEUED: "Queued", OUTBOX: "In outbox", SENT: "Sent", FAILED: "Failed" };

function time(d: Date) {
  return `${d.toISOString().slice(0, 16).replace("T", " ")} UTC`;
}

export default async function OutboxPage({ searchParams }: { searchParams: Promise<{ status?: string; page?: string }> }) {
  const search = await searchParams;
  const status = EMAIL_STATUSES.find((s) => s === search.status);
  const page = Math.max(1, Math.min(100_000, Number.parseInt(search.page ?? "1", 10) || 1));
  const { messages, total } = await listOutbox({ status, page, pageSize: PAGE_SIZE });
  const pages = Math.max(1, Math.ceil(total / PAGE_SIZE));
  const href = (s: string | undefined, p = 1) => `?${new URLSearchParams({ ...(s ? { status: s } : {}), ...(p > 1 ? { page: String(p) } : {}) })}`;
  return (
    <div className="space-y-6">
      <h1 className="text-xl font-semibold">Settings</h1>
      <MailSettingsTabs active="/console/settings/outbox" />
      <div className="flex flex-wrap gap-2" role="group" aria-label="Filter by status">
        {[undefined, ...EMAIL_STATUSES].map((s) => (
          <Link key={s ?? "all"} href={href(s)} aria-current={s === status ? "page" : undefined} className={buttonClass(s === status ? "primary" : "secondary", "py-1")}>
            {s ? STATUS_LABEL[s] : "All"}
          </Link>
        ))}
      </div>
      <Card title={`${total.toLocaleString("en-US")} message${total === 1 ? "" : "s"}`}>
        {messages.length === 0 ? (
          <p className="py-6 text-center text-sm text-slate-500">
            {status ? "No messages with this status." : "No emails yet. Seat alerts and other notices show up here."}
          </p>
        ) : (
          <ul className="divide-y divide-slate-100" data-testid="outbox">
            {messages.map((m) => (
              <li key={m.id} data-testid="outbox-message" data-kind={m.kind}>
                <details className="group py-3">
                  <summary className="flex cursor-pointer list-none flex-wrap items-center gap-x-4 gap-y-1 rounded focus-visible:outline-2 focus-visible:outline-indigo-600">
                    <span className={`rounded-full px-2 py-0.5 text-xs font-medium ${STATUS_STYLE[m.status]}`}>{STATUS_LABEL[m.status]}</span>
                    <span className="min-w-0 flex-1 truncate font-medium text-slate-900" data-testid="outbox-subject">{m.subject}</span>
                    <span className="text-sm text-slate-600">to {m.to}</span>
                    <time className="text-xs text-slate-500" dateTime={m.createdAt.toISOString()}>{time(m.createdAt)}</time>
                  </summary>
                  <div className="mt-3 space-y-2 text-sm">
                    <dl className="grid grid-cols-[8rem_1fr] gap-x-3 gap-y-1 text-slate-700">
                      <dt className="text-slate-500">From</dt><dd>{m.from}</dd>
                      <dt className="text-slate-500">To</dt><dd>{m.to}</dd>
                      <dt className="text-slate-500">Kind</dt><dd>{m.kind}</dd>
                      <dt className="text-slate-500">Attempts</dt><dd>{m.attempts}</dd>
                      {m.sentAt ? (<><dt className="text-slate-500">Sent</dt><dd>{time(m.sentAt)}</dd></>) : null}
                      {m.lastError ? (<><dt className="text-slate-500">Last error</dt><dd className="text-red-700">{m.lastError}</dd></>) : null}
                    </dl>
                    {/* An empty sandbox: no scripts, no forms, no same-origin access, whatever the HTML holds. */}
                    <iframe title={`Email: ${m.subject}`} sandbox="" srcDoc={m.html} className="h-80 w-full rounded-md bg-white ring-1 ring-slate-200" loading="lazy" referrerPolicy="no-referrer" />
                  </div>
                </details>
              </li>
            ))}
          </ul>
        )}
        {pages > 1 ? (
          <nav className="mt-4 flex items-center justify-between text-sm" aria-label="Pagination">
            <span className="text-slate-600">Page {page} of {pages}</span>
            <span className="flex gap-2">
              {page > 1 ? <Link className={buttonClass("secondary")} href={href(status, page - 1)}>Previous</Link> : null}
              {page < pages ? <Link className={buttonClass("secondary")} href={href(status, page + 1)}>Next</Link> : null}
            </span>
          </nav>
        ) : null}
      </Card>
    </div>
  );
}
