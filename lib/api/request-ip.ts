/**
 * The client's address. Route handlers don't see the socket, but `next start` appends the socket's
 * peer address to X-Forwarded-For, so the right-most entry is the one nobody upstream can forge.
 * Behind N trusted reverse proxies (SEATWISE_TRUSTED_PROXIES=N) the client is N entries further left.
 */
export function requestIp(headers: Headers, env: Record<string, string | undefined> = process.env): string | null {
  const chain = (headers.get("x-forwarded-for") ?? "")
    .split(",")
    .map((s) => s.trim())
    .filter(Boolean);
  if (chain.length === 0) return headers.get("x-real-ip");
  const hops = Math.max(0, Number(env.SEATWISE_TRUSTED_PROXIES || 0));
  return chain[Math.max(0, chain.length - 1 - hops)] ?? null;
}
