import { PageSkeleton } from "@/components/billing/page-states";

export default function Loading() {
  return <PageSkeleton label="Loading" />;
}
