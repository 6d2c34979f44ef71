import { notFound } from "next/navigation";
import type { ReactNode } from "react";
import { isOrgAdmin } from "@/lib/portal/actor";
import { requireOrgActor } from "@/lib/portal/session";

// Outside the pages' loading boundaries, so a member gets a real 404 status, not a streamed not-found page.
export default async function AdminOnlyLayout({ children }: { children: ReactNode }) {
  const actor = await requireOrgActor();
  if (!isOrgAdmin(actor)) notFound();
  return children;
}
