// Generates the Prisma client into lib/generated/prisma.
// `prisma generate` never needs the native schema engine, but it checks that the binary exists and
// tries to download it otherwise (this network can't reach Prisma's binary host). Pointing
// PRISMA_SCHEMA_ENGINE_BINARY at any existing file skips that check.
import { spawnSync } from "node:child_process";
import { existsSync, statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import path from "node:path";

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const schema = path.join(root, "prisma/schema.prisma");
const marker = path.join(root, "lib/generated/prisma/client.ts");

export function generate({ force = false } = {}) {
  if (!force && existsSync(marker) && statSync(marker).mtimeMs >= statSync(schema).mtimeMs) return;
  const bin = path.join(root, "node_modules/prisma/build/index.js");
  const result = spawnSync(process.execPath, [bin, "generate", "--no-hints", "--schema", schema], {
    cwd: root,
    stdio: "inherit",
    env: {
      ...process.env,
      PRISMA_SCHEMA_ENGINE_BINARY: process.env.PRISMA_SCHEMA_ENGINE_BINARY ?? fileURLToPath(import.meta.url),
      PRISMA_HIDE_UPDATE_MESSAGE: "1",
      CHECKPOINT_DISABLE: "1",
    },
  });
  if (result.status !== 0) throw new Error("prisma generate failed");
}

if (process.argv[1] === fileURLToPath(import.meta.url)) generate({ force: process.argv.includes("--force") });
