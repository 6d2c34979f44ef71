/**
 * What the on-prem relay forwards: the client API only. Everything else (admin API, console,
 * portal, sign-in pages) is refused, so a relay can never expose the vendor's back office.
 */
export const CLIENT_PATHS = [
  "/api/v1/activations",
  "/api/v1/validate",
  "/api/v1/heartbeats",
  "/api/v1/deactivations",
  "/api/v1/license-files",
  "/api/v1/public-key",
  "/api/v1/auth/token",
] as const;

/** Prefixes whose sub-paths are client routes too (the signed-in user's own data). */
export const CLIENT_PREFIXES = ["/api/v1/me/"] as const;

/**
 * Decides on the raw request target. Anything a server might normalise differently from us
 * (dot segments, encoded slashes or dots, backslashes, doubled slashes) is refused outright
 * rather than normalised, so `/api/v1/me/../admin/licenses` can't slip through.
 */
export function isClientPath(rawUrl: string): boolean {
  const pathname = rawUrl.split("?")[0] ?? "";
  if (!pathname.startsWith("/") || /\/\/|\\|%2e|%2f|%5c|(^|\/)\.\.?(\/|$)/i.test(pathname)) return false;
  const path = pathname.length > 1 ? pathname.replace(/\/$/, "") : pathname;
  if ((CLIENT_PATHS as readonly string[]).includes(path)) return true;
  return CLIENT_PREFIXES.some((prefix) => path.startsWith(prefix) && path.length > prefix.length);
}
