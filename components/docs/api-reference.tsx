"use client";

import { ApiReferenceReact } from "@scalar/api-reference-react";
import "@scalar/api-reference-react/style.css";

/**
 * Scalar's reference, fed the document inline so nothing is fetched: no fonts or proxy from a CDN
 * (system fonts; "try it" requests go straight to this server), no telemetry, no hosted AI assistant.
 */
export function ApiReference({ document }: { document: object }) {
  return (
    <ApiReferenceReact
      configuration={{
        content: document,
        withDefaultFonts: false,
        telemetry: false,
        agent: { disabled: true },
        showDeveloperTools: "never",
        hideClientButton: true,
        documentDownloadType: "json",
        forceDarkModeState: "light",
        hideDarkModeToggle: true,
        defaultOpenAllTags: false,
        metaData: { title: "Seatwise API reference" },
      }}
    />
  );
}
