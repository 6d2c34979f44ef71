/**
 * Every rate limit Seatwise enforces, with its default and the environment variable that overrides it.
 * Values are "<points>/<seconds>", e.g. SEATWISE_RATE_LIMIT_CLIENT_IP=600/60. A limit of "0" or "off"
 * disables that one limit; SEATWISE_RATE_LIMITS=off disables them all (benchmarks, trusted networks).
 */
export type TLimitName =
  | "client-ip"
  | "client-key"
  | "lookup-failures"
  | "auth-ip"
  | "sign-in-account"
  | "sign-in-ip"
  | "admin-token"
  | "activation-form"
  | "password-reset-ip"
  | "password-reset-email";

export type TLimit = { name: TLimitName; points: number; seconds: number; env: string; description: string };

type TDefault = { env: string; value: string; description: string };

export const LIMIT_DEFAULTS: Record<TLimitName, TDefault> = {
  "client-ip": {
    env: "SEATWISE_RATE_LIMIT_CLIENT_IP",
    value: "600/60",
    description: "Client API requests (activate, validate, heartbeat, deactivate…) per IP address",
  },
  "client-key": {
    env: "SEATWISE_RATE_LIMIT_CLIENT_KEY",
    value: "300/60",
    description: "Client API requests per license key, whatever the IP",
  },
  "lookup-failures": {
    env: "SEATWISE_RATE_LIMIT_LOOKUP_FAILURES",
    value: "20/600",
    description: "Failed license-key lookups (unknown key) per IP: key guessing. The IP is blocked for the rest of the window",
  },
  "auth-ip": {
    env: "SEATWISE_RATE_LIMIT_AUTH_IP",
    value: "30/60",
    description: "Requests to sign-in and token endpoints per IP, successful or not",
  },
  "sign-in-account": {
    env: "SEATWISE_RATE_LIMIT_SIGN_IN_ACCOUNT",
    value: "5/60",
    description: "Failed sign-ins per account (email), staff console and API token exchange",
  },
  "sign-in-ip": {
    env: "SEATWISE_RATE_LIMIT_SIGN_IN_IP",
    value: "10/60",
    description: "Failed sign-ins per IP address, any account",
  },
  "admin-token": {
    env: "SEATWISE_RATE_LIMIT_ADMIN_TOKEN",
    value: "30/60",
    description: "Admin API token creations (POST /api/v1/admin/tokens) per IP",
  },
  "activation-form": {
    env: "SEATWISE_RATE_LIMIT_ACTIVATION_FORM",
    value: "10/60",
    description: "Submissions of the public offline activation form per IP",
  },
  "password-reset-ip": {
    env: "SEATWISE_RATE_LIMIT_PASSWORD_RESET_IP",
    value: "20/900",
    description: "Password reset requests (the forgot-password form) per IP address",
  },
  "password-reset-email": {
    env: "SEATWISE_RATE_LIMIT_PASSWORD_RESET_EMAIL",
    value: "3/900",
    description: "Password reset requests per email address, whether or not an account has it (so the limit reveals nothing)",
  },
};

export function rateLimitsEnabled(env: Record<string, string | undefined> = process.env): boolean {
  return !/^(off|false|0|no|disabled)$/i.test((env.SEATWISE_RATE_LIMITS ?? "").trim());
}

/** The limit's current setting, or null when it is switched off. Throws on a malformed value, naming the variable. */
export function limitFor(name: TLimitName, env: Record<string, string | undefined> = process.env): TLimit | null {
  // Every client API request asks for its limits, so a setting is parsed once and reused for as long as
  // the environment holds the same values (tests change them at run time).
  const all = env.SEATWISE_RATE_LIMITS;
  const raw = env[LIMIT_DEFAULTS[name].env];
  const seen = env === process.env ? parsed.get(name) : undefined;
  if (seen && seen.all === all && seen.raw === raw) return seen.limit;
  const limit = parseLimit(name, env);
  if (env === process.env) parsed.set(name, { all, raw, limit });
  return limit;
}

const parsed = new Map<TLimitName, { all: string | undefined; raw: string | undefined; limit: TLimit | null }>();

function parseLimit(name: TLimitName, env: Record<string, string | undefined>): TLimit | null {
  if (!rateLimitsEnabled(env)) return null;
  const def = LIMIT_DEFAULTS[name];
  const raw = (env[def.env] ?? "").trim() || def.value;
  if (/^(0|off|false|no|disabled)$/i.test(raw)) return null;
  const match = /^(\d+)\s*\/\s*(\d+)\s*s?$/.exec(raw);
  if (!match || Number(match[1]) < 1 || Number(match[2]) < 1) {
    throw new Error(`${def.env} must look like "<points>/<seconds>" (e.g. ${def.value}) or "off"; got "${raw}"`);
  }
  return Object.freeze({ name, points: Number(match[1]), seconds: Number(match[2]), env: def.env, description: def.description });
}
