import type { Metadata } from "next";
import { ApiReference } from "@/components/docs/api-reference";
import { openApiDocument } from "@/lib/openapi/document";

export const metadata: Metadata = { title: "API reference" };

export default function ApiReferencePage() {
  // A plain JSON copy: the document holds no functions, and the client component needs serialisable props.
  const document = JSON.parse(JSON.stringify(openApiDocument()));
  return (
    <main aria-label="API reference" className="min-h-[60vh]">
      <noscript>
        <p className="p-6 text-sm text-slate-700">
          The interactive reference needs JavaScript. The raw document is at <a href="/api/v1/openapi.json" className="text-indigo-700 underline">/api/v1/openapi.json</a>.
        </p>
      </noscript>
      <ApiReference document={document} />
    </main>
  );
}
