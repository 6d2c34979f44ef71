import { NextResponse, type NextRequest } from "next/server";
import { pageCsp } from "@/lib/security/csp";

/**
 * A fresh CSP nonce for every page request. Next.js reads the policy from the request headers and
 * applies the nonce to its scripts; the root layout renders dynamically so every page gets one.
 */
export function proxy(request: NextRequest) {
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = pageCsp(nonce, {
    dev: process.env.NODE_ENV !== "production",
    https: (process.env.NEXTAUTH_URL ?? "").startsWith("https://"),
  });
  const headers = new Headers(request.headers);
  headers.set("x-nonce", nonce);
  headers.set("Content-Security-Policy", csp);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("Content-Security-Policy", csp);
  return response;
}

export const config = {
  // Pages only: API routes get their own static policy (next.config.ts); assets need none.
  matcher: [
    {
      source: "/((?!api/|_next/static|_next/image|favicon.ico).*)",
      missing: [{ type: "header", key: "next-router-prefetch" }],
    },
  ],
};
