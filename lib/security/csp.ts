/**
 * The Content-Security-Policy of every page. Scripts run only with the per-request nonce that
 * proxy.ts generates (Next.js puts it on its own inline and bundle scripts), so injected markup can't
 * execute script even if some output were ever left unescaped. Styles allow inline because React
 * style attributes need it and styles can't run code.
 */
export function pageCsp(nonce: string, options: { dev?: boolean; https?: boolean } = {}): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${options.dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(options.https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** API answers are JSON only: nothing in them may load or run anything, or be framed. */
export const API_CSP = "default-src 'none'; frame-ancestors 'none'";
