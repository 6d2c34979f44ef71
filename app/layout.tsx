import type { Metadata } from "next";
import { connection } from "next/server";
import type { ReactNode } from "react";
import "./globals.css";

export const metadata: Metadata = {
  title: { default: "Seatwise", template: "%s · Seatwise" },
  description: "License server and customer portal",
};

export default async function RootLayout({ children }: { children: ReactNode }) {
  // Every page renders per request so it carries that request's CSP nonce (see proxy.ts).
  await connection();
  return (
    <html lang="en">
      <body className="min-h-screen font-sans">{children}</body>
    </html>
  );
}
