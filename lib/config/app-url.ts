/** Absolute base URL for links in emails. NEXTAUTH_URL is already required for sign-in, so it is the one source. */
export function appUrl(path = ""): string {
  const base = (process.env.SEATWISE_URL || process.env.NEXTAUTH_URL || "http://localhost:3000").replace(/\/+$/, "");
  return `${base}${path}`;
}
