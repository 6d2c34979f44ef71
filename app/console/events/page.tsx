import type { Metadata } from "next";
import { EventsTable } from "@/components/console/events-table";
import { PageHeader } from "@/components/console/page-header";
import { firstParams, parseTableParams, type TSearchParams } from "@/components/data-table/params";
import { listEventActions, listEvents } from "@/lib/console/list-events";

export const metadata: Metadata = { title: "Events" };

const FILTER_KEYS = ["actor", "action", "license", "customer", "organizationId", "from", "to"] as const;

export default async function EventsPage({ searchParams }: { searchParams: Promise<TSearchParams> }) {
  const params = firstParams(await searchParams);
  const { page, pageSize, sort } = parseTableParams(params, ["createdAt"], { id: "createdAt", desc: true });
  const filters = Object.fromEntries(FILTER_KEYS.map((k) => [k, params[k]?.slice(0, 200)]));
  const [result, actions] = await Promise.all([listEvents({ page, pageSize, dir: sort.desc ? "desc" : "asc", ...filters }), listEventActions()]);
  const groups = [...new Set(actions.map((a) => a.split(".")[0]))].map((g) => ({ value: `${g}.`, label: `${g}.* (all)` }));
  const filtered = FILTER_KEYS.some((k) => params[k]);
  return (
    <>
      <PageHeader title="Events" description="The audit log: who changed what, and every activation, validation failure and sign-in." />
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
