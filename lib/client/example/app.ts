// Seatwise example app: copy this into your product and adapt. Run: npm run example -- --server http://localhost:3000
//
// First run: asks for a license key, or an email and password (user sign-in), activates this machine,
// saves a signed license file, and keeps the seat with heartbeats (floating: lease refreshes).
// Ctrl+C deactivates (frees the seat). Without a network (or with --offline) it verifies the saved
// license file with the vendor's public key instead, refusing a clock set back.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import {
  ClockGuard,
  FileClockStore,
  LicenseFileError,
  machineFingerprint,
  NetworkError,
  SeatwiseClient,
  SeatwiseClientError,
  SeatwiseError,
  TimeoutError,
  verifyLicenseFile,
  type FloatingLease,
} from "../index";

const { values: args } = parseArgs({
  options: {
    server: { type: "string", default: process.env.SEATWISE_URL ?? "http://localhost:3000" },
    "data-dir": { type: "string", default: process.env.SEATWISE_EXAMPLE_DIR ?? path.join(os.homedir(), ".seatwise-example") },
    product: { type: "string", default: process.env.SEATWISE_PRODUCT },
    fingerprint: { type: "string" },
    offline: { type: "boolean", default: false },
    "heartbeat-seconds": { type: "string", default: "300" },
    reset: { type: "boolean", default: false },
  },
});

type TState = { key?: string; token?: string; licenseId?: string; email?: string; productCode?: string };

const dataDir = args["data-dir"]!;
const files = {
  state: path.join(dataDir, "state.json"),
  license: path.join(dataDir, "license.lic"),
  publicKey: path.join(dataDir, "vendor-public-key.json"),
  clock: path.join(dataDir, "clock.json"),
};
const clock = new ClockGuard(new FileClockStore(files.clock));
const say = (line: string) => console.log(`[example] ${line}`);

// Piped stdin delivers lines before a question is asked; an iterator keeps them until read.
const rl = createInterface({ input: process.stdin, terminal: false });
const lines = rl[Symbol.asyncIterator]();
async function ask(question: string): Promise<string> {
  process.stdout.write(question);
  const next = await lines.next();
  if (next.done) throw new SeatwiseClientError("No more input");
  return String(next.value).trim();
}

async function readJson<T>(file: string): Promise<T | null> {
  return readFile(file, "utf8").then((text) => JSON.parse(text) as T, () => null);
}

async function save(file: string, content: string) {
  await mkdir(dataDir, { recursive: true });
  await writeFile(file, content, { mode: 0o600 });
}

async function verifyOffline(fingerprint: string, productCode: string | undefined): Promise<boolean> {
  const [file, keys] = await Promise.all([readFile(files.license).catch(() => null), readJson<{ keyId: string; publicKey: string }[]>(files.publicKey)]);
  if (!file || !keys) {
    say("offline: no saved license file yet — connect once to get one");
    return false;
  }
  try {
    // Product and fingerprint are checked by default; expiresAt and validUntil too.
    const { payload } = await verifyLicenseFile(file, { keys, product: productCode ?? args.product ?? null, fingerprint, clock });
    say(`offline: license file OK for ${payload.product.name ?? payload.product.code} (${payload.seats} seats), valid until ${payload.validUntil}`);
    return true;
  } catch (error) {
    say(`offline: license file refused: ${error instanceof LicenseFileError ? `${error.code}: ` : ""}${(error as Error).message}`);
    return false;
  }
}

async function main() {
  const fingerprint = args.fingerprint ?? (await machineFingerprint({ salt: "com.seatwise.example" })).fingerprint;
  const state: TState = (!args.reset && (await readJson<TState>(files.state))) || {};
  say(`machine code ${fingerprint.slice(0, 16)}…`);

  if (args.offline) process.exit((await verifyOffline(fingerprint, state.productCode)) ? 0 : 1);

  const publicKeys = (await readJson<{ keyId: string; publicKey: string }[]>(files.publicKey)) ?? undefined;
  const client = new SeatwiseClient({
    baseUrl: args.server!,
    key: state.key,
    token: state.token,
    licenseId: state.licenseId,
    // Answers are verified when we know the vendor key. A real app embeds it at build time.
    publicKeys,
    responseSignatures: publicKeys ? "if-present" : "off",
    clock,
    retries: 2,
    timeoutMs: 8000,
    device: { friendlyName: `${os.userInfo().username}@${os.hostname()}`, hostname: os.hostname(), platform: process.platform, appVersion: "1.0.0" },
  });

  if (!state.key && !state.licenseId) {
    const key = await ask("License key (or press Enter to sign in with email and password): ");
    if (key) {
      state.key = client.key = key;
    } else {
      const email = await ask("Email: ");
      const password = await ask("Password: ");
      const session = await client.signIn(email, password);
      say(`signed in as ${session.user.email}${session.organization ? ` (${session.organization.name})` : ""}`);
      const licenses = await client.myLicenses();
      if (licenses.length === 0) throw new SeatwiseClientError("Your organization has no license for this app");
      let chosen = licenses[0]!;
      if (licenses.length > 1) {
        licenses.forEach((l, i) => say(`  ${i + 1}. ${l.product.name} — ${l.name ?? l.id}`));
        chosen = licenses[Math.max(0, Number(await ask("Which license? ")) - 1)] ?? chosen;
      }
      Object.assign(state, { token: session.token, email, licenseId: chosen.id });
      client.licenseId = chosen.id;
    }
  }

  let lease: FloatingLease;
  try {
    lease = await client.checkout({
      fingerprint,
      fallbackIntervalMs: Number(args["heartbeat-seconds"]) * 1000,
      onRefresh: (result) => {
        say(`heartbeat OK: ${result.license.product.name}, ${result.license.seats.used}/${result.license.seats.limit} seats in use${result.activation.leaseExpiresAt ? `, lease until ${result.activation.leaseExpiresAt}` : ""}`);
      },
      onError: (error) => say(`heartbeat failed (${error.constructor.name}): ${error.message}; retrying`),
      onLost: (error) => say(`seat lost: ${error.message}`),
    });
  } catch (error) {
    if (error instanceof NetworkError || error instanceof TimeoutError) {
      say(`server unreachable (${error.message}); checking the saved license file`);
      process.exit((await verifyOffline(fingerprint, state.productCode)) ? 0 : 1);
    }
    throw error;
  }
  state.productCode = lease.result!.license.product.code;
  await save(files.state, JSON.stringify(state, null, 2));
  say(`activated: ${lease.result!.license.product.name} — license ${lease.result!.license.id} (${lease.result!.license.model})`);

  let fileSaved = false;
  async function onSeat(fromActivation?: string) {
    if (fileSaved) return;
    fileSaved = true;
    try {
      if (!publicKeys) {
        // Trust on first use, for the example only: ship the key inside your app instead.
        const info = await client.publicKey();
        await save(files.publicKey, JSON.stringify(info.keys ?? [{ keyId: info.keyId, publicKey: info.publicKey }], null, 2));
      }
      const file = fromActivation ?? (await client.licenseFile({ fingerprint }));
      await save(files.license, file);
      say(`license file saved to ${files.license}`);
      await verifyOffline(fingerprint, state.productCode);
    } catch (error) {
      if (error instanceof SeatwiseError && (error.status === 404 || error.status === 405)) say("this server issues no license files (offline use unavailable)");
      else say(`could not save a license file: ${(error as Error).message}`);
    }
  }
  await onSeat(lease.result!.licenseFile);

  const shutdown = async () => {
    say("shutting down: releasing the seat…");
    const { released, error } = await lease.stop();
    say(released ? "deactivated: seat released" : `seat not released: ${error?.message ?? "no seat held"}`);
    rl.close();
    process.exit(released ? 0 : 1);
  };
  process.once("SIGINT", shutdown);
  process.once("SIGTERM", shutdown);
  say("running — press Ctrl+C to deactivate and quit");
}

main().catch((error) => {
  if (error instanceof SeatwiseError) say(`refused: ${error.code}: ${error.message}`);
  else say(`error: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
