// `npm start`: migrate, seed a demo vendor on an empty database, build when the sources changed,
// then serve with `next start`. Everything a fresh machine needs, in one command.
import { spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readFileSync, readdirSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { openDatabase } from "./open-database";

const root = path.resolve(import.meta.dirname, "../..");
const port = process.env.PORT || "3000";
process.env.NEXT_TELEMETRY_DISABLED = "1";
process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;

async function main() {
  const database = await openDatabase();
  const { seedDemo } = await import("../seed/seed-demo");
  const seed = await seedDemo(database.client);
  await database.close();

  ensureBuilt();

  console.log(`[seatwise] serving http://localhost:${port}`);
  if (seed.seeded) {
    console.log(`[seatwise] demo vendor created. Sign in as ${seed.email} with password ${seed.password ?? "(SEATWISE_ADMIN_PASSWORD)"}`);
  } else {
    console.log(`[seatwise] staff login: ${seed.email} (password set at first start or by SEATWISE_ADMIN_PASSWORD)`);
  }
  const next = spawn(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "start", "-p", port], {
    cwd: root,
    stdio: "inherit",
    env: process.env,
  });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => next.kill(signal));
  next.on("exit", (code) => process.exit(code ?? 0));
}

/** Rebuilds only when a source file changed since the last build, so restarts are fast. */
function ensureBuilt() {
  const stamp = path.join(root, ".next/seatwise-source-hash");
  const hash = sourceHash();
  if (existsSync(path.join(root, ".next/BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash) return;
  console.log("[seatwise] building the app (first start or sources changed)…");
  const result = spawnSync(process.execPath, [path.join(root, "node_modules/next/dist/bin/next"), "build"], { cwd: root, stdio: "inherit", env: process.env });
  if (result.status !== 0) throw new Error("next build failed");
  writeFileSync(stamp, hash);
}

function sourceHash(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && entry.name !== "generated") walk(full);
      } else {
        hash.update(full).update(String(statSync(full).mtimeMs));
      }
    }
  };
  for (const dir of ["app", "components", "lib", "public"]) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of ["next.config.ts", "package-lock.json", "prisma/schema.prisma", ".postcssrc.json"]) {
    if (existsSync(path.join(root, file))) hash.update(file).update(String(statSync(path.join(root, file)).mtimeMs));
  }
  return hash.digest("hex");
}

main().catch((error) => {
  console.error(`[seatwise] ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});
