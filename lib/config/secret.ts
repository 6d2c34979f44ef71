import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDirectory } from "../db/target";

let cached: string | undefined;

/**
 * The server secret (SEATWISE_SECRET) signs sessions and encrypts the license-signing key.
 * When it is unset, one is generated once and kept in the data directory, so a single-machine
 * install works out of the box; several instances must share SEATWISE_SECRET.
 */
export function serverSecret(env: NodeJS.ProcessEnv = process.env): string {
  if (env.SEATWISE_SECRET) return env.SEATWISE_SECRET;
  if (cached) return cached;
  const file = path.join(dataDirectory(env), "secret");
  if (!existsSync(file)) {
    mkdirSync(path.dirname(file), { recursive: true });
    try {
      writeFileSync(file, randomBytes(32).toString("base64url"), { mode: 0o600, flag: "wx" });
    } catch (error) {
      // Another process created it first: use theirs.
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
  }
  cached = readFileSync(file, "utf8").trim();
  return cached;
}
