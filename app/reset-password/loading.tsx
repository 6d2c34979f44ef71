import { PageSkeleton } from "@/components/billing/page-states";

export default function Loading() {
  return (
    <main className="mx-auto max-w-sm px-4 py-16">
      <PageSkeleton label="Checking your reset link" />
    </main>
  );
}
