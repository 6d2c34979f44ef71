// The server Playwright tests run against: the production build on a fresh embedded database,
// with a known staff login (E2E_ADMIN_EMAIL / E2E_ADMIN_PASSWORD) that fixtures sign in with.
import { spawn } from "node:child_process";
import { mkdtempSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { nextBin, root } from "./build";

const port = process.env.E2E_PORT || "3210";
process.env.SEATWISE_DATA_DIR = mkdtempSync(path.join(os.tmpdir(), "seatwise-e2e-"));
delete process.env.DATABASE_URL;
process.env.SEATWISE_ADMIN_EMAIL = process.env.E2E_ADMIN_EMAIL || "e2e-admin@seatwise.test";
process.env.SEATWISE_ADMIN_PASSWORD = process.env.E2E_ADMIN_PASSWORD || "e2e-password-123";
process.env.NEXTAUTH_URL = `http://127.0.0.1:${port}`;
process.env.NEXT_TELEMETRY_DISABLED = "1";

const { openDatabase } = await import("./open-database");
const database = await openDatabase({ log: false });
const { seedDemo } = await import("../seed/seed-demo");
await seedDemo(database.client);
await database.close();

const next = spawn(process.execPath, [nextBin, "start", "-p", port, "-H", "127.0.0.1"], { cwd: root, stdio: "inherit", env: process.env });
for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
next.on("exit", (code) => process.exit(code ?? 0));
