// Builds the production app only when a source file changed since the last build.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export const root = path.resolve(import.meta.dirname, "../..");
export const nextBin = path.join(root, "node_modules/next/dist/bin/next");

export function ensureBuilt(log = console.log) {
  const stamp = path.join(root, ".next/seatwise-source-hash");
  const hash = sourceHash();
  const fresh = () => existsSync(path.join(root, ".next/BUILD_ID")) && existsSync(stamp) && readFileSync(stamp, "utf8") === hash;
  if (fresh()) return false;
  // Test files that start `next start` run in parallel workers: one builds, the others wait for it
  // (next build refuses to run twice at once).
  const lock = path.join(root, ".next-build-lock");
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const since = statSync(lock, { throwIfNoEntry: false })?.mtimeMs;
      // A lock left by a build that was killed: take it over.
      if (since !== undefined && Date.now() - since > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
      else Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 500);
    }
  }
  try {
    if (fresh()) return false;
    log("[seatwise] building the app (first start or sources changed)…");
    const result = spawnSync(process.execPath, [nextBin, "build"], {
      cwd: root,
      stdio: "inherit",
      env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
    });
    if (result.status !== 0) throw new Error("next build failed");
    writeFileSync(stamp, hash);
    return true;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}

function sourceHash(): string {
  const hash = createHash("sha256");
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name !== "node_modules" && entry.name !== "generated") walk(full);
      } else if (!/\.test\.tsx?$/.test(entry.name)) {
        hash.update(full).update(String(statSync(full).mtimeMs));
      }
    }
  };
  for (const dir of ["app", "components", "lib", "public"]) if (existsSync(path.join(root, dir))) walk(path.join(root, dir));
  for (const file of ["next.config.ts", "package-lock.json", "prisma/schema.prisma", ".postcssrc.json", "tsconfig.json"]) {
    if (existsSync(path.join(root, file))) hash.update(file).update(String(statSync(path.join(root, file)).mtimeMs));
  }
  return hash.digest("hex");
}
