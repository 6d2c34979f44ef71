// `npm start`: migrate, seed a demo vendor on an empty database, build when the sources changed,
// then serve with `next start`. Everything a fresh machine needs, in one command.
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { dataDirectory } from "../db/target";
import { ensureBuilt, nextBin, root } from "./build";
import { openDatabase } from "./open-database";

const port = process.env.PORT || "3000";
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;

async function main() {
  const database = await openDatabase();
  const { seedDemo } = await import("../seed/seed-demo");
  const seed = await seedDemo(database.client);
  await prepareSigningKey();
  await database.close();

  ensureBuilt();

  console.log(`[seatwise] serving http://localhost:${port}`);
  // A generated password is kept (0600, beside the server secret) so later starts can still print it.
  const passwordFile = path.join(dataDirectory(), "initial-admin-password");
  mkdirSync(dataDirectory(), { recursive: true });
  if (seed.seeded && seed.password) writeFileSync(passwordFile, seed.password, { mode: 0o600 });
  const password = process.env.SEATWISE_ADMIN_PASSWORD
    ? "(the value of SEATWISE_ADMIN_PASSWORD)"
    : existsSync(passwordFile)
      ? readFileSync(passwordFile, "utf8")
      : "(changed since first start)";
  console.log(`[seatwise] staff sign-in: ${seed.email} / ${password}`);
  const next = spawn(process.execPath, [nextBin, "start", "-p", port], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
  next.on("exit", (code) => process.exit(code ?? 0));
}

/** Creates the license-signing key on first start and says so at once if this secret can't open it. */
async function prepareSigningKey() {
  const { activeSigner } = await import("../signing/signing-keys");
  try {
    const { keyId } = await activeSigner();
    console.log(`[seatwise] license signing key ${keyId} (Ed25519)`);
  } catch (error) {
    // Not fatal: staff can still sign in and rotate to a new key (files signed by the old one stay verifiable).
    console.error(`[seatwise] ${error instanceof Error ? error.message : error}`);
    console.error("[seatwise] Client API answers will fail until SEATWISE_SECRET is restored or the key is rotated in Console → Settings → Signing key.");
  }
}

main().catch((error) => {
  console.error(`[seatwise] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
