import type { Metadata } from "next";
import Link from "next/link";
import { EventsTable } from "@/components/console/events-table";
import { PageHeader } from "@/components/console/page-header";
import { firstParams, parseTableParams, type TSearchParams } from "@/components/data-table/params";
import { listEventActions, listEvents } from "@/lib/console/list-events";
import { db } from "@/lib/db";

export const metadata: Metadata = { title: "Events" };

const FILTER_KEYS = ["actor", "action", "license", "customer", "organizationId", "from", "to"] as const;

export default async function EventsPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const params = firstParams(await searchParams);
  const { page, pageSize, sort } = parseTableParams(params, ["createdAt"], { id: "createdAt", desc: true });
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params[k]?.slice(0, 200)]));
  const [result, actions] = await Promise.all([listEvents({ page, pageSize, dir: sort.desc ? "desc" : "asc", ...filters }), listEventActions()]);
  const groups = [...new Set(actions.map((a) => a.split(".")[0]))].map((g) => ({ value: `${g}.`, label: `${g}.* (all)` }));
  const filtered = FILTER_KEYS.some((k) => params[k]);
  // Links from a customer page filter by id, which the filter bar doesn't show: say so, and offer a way out.
  const org = params.organizationId ? await db.organization.findUnique({ where: { id: params.organizationId }, select: { name: true } }) : null;
  return (
    <>
      <PageHeader title="Events" description="The audit log: who changed what, and every activation, validation failure and sign-in." />
      {params.organizationId ? (
        <p className="mb-3 text-sm text-slate-700">
          Showing events of customer <strong>{org?.name ?? params.organizationId}</strong>.{" "}
          <Link href="/console/events" className="text-indigo-700 hover:underline">
            Show all events
          </Link>
        </p>
      ) : null}
      <EventsTable
        data={result.events}
        total={result.total}
        page={page}
        pageSize={pageSize}
        sort={sort}
        filters={[
          { kind: "search", name: "actor", label: "Actor", placeholder: "Email, token or id" },
          { kind: "select", name: "action", label: "Action", options: [...groups, ...actions.map((a) => ({ value: a, label: a }))] },
          { kind: "search", name: "license", label: "License", placeholder: "Key or id" },
          { kind: "search", name: "customer", label: "Customer", placeholder: "Customer name" },
          { kind: "date", name: "from", label: "From" },
          { kind: "date", name: "to", label: "To" },
        ]}
        empty={{ title: filtered ? "No events match these filters" : "No events yet", hint: filtered ? "Widen the date range or clear filters." : undefined }}
      />
    </>
  );
}
