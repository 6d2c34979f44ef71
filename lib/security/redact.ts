/** Removes anything secret-shaped from text bound for a log: bearer tokens, license keys, credentials. */
export function redactSecrets(text: string): string {
  return text
    .replace(/\b(sw_(?:admin|user|link|tok))_[A-Za-z0-9_-]{8,}/g, "$1_[redacted]")
    .replace(/\b[0-9A-Z]{5}(?:-[0-9A-Z]{5}){5}\b/gi, "[license-key]")
    .replace(/\b(Bearer|Basic)\s+[A-Za-z0-9._~+/=-]+/gi, "$1 [redacted]")
    .replace(/("?(?:password|totp|secret|token|key)"?\s*[:=]\s*)"[^"]*"/gi, '$1"[redacted]"');
}

/** An error as one log-safe string: name, code, message and stack, redacted. */
export function describeErrorForLog(error: unknown): string {
  if (!(error instanceof Error)) return redactSecrets(String(error));
  const code = (error as { code?: unknown }).code;
  return redactSecrets(`${error.name}${code ? ` (${String(code)})` : ""}: ${error.message}\n${error.stack?.split("\n").slice(1).join("\n") ?? ""}`);
}
