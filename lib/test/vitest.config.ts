import path from "node:path";
import { defineConfig } from "vitest/config";

const root = path.resolve(import.meta.dirname, "../..");
const alias = { "@": root, "server-only": path.join(root, "lib/test/empty.ts") };
const exclude = ["node_modules/**", ".next/**", "e2e/**", "lib/generated/**"];

// Integration tests (*.int.test.ts) run against embedded PGlite always, and against PostgreSQL
// too when TEST_DATABASE_URL is set: the same files, a fresh database per file.
const databaseProjects = ["pglite", ...(process.env.TEST_DATABASE_URL ? ["postgres"] : [])].map((kind, index) => ({
  resolve: { alias },
  test: {
    name: `integration-${kind}`,
    root,
    include: ["**/*.int.test.ts"],
    exclude,
    env: { TEST_DB_KIND: kind },
    globalSetup: [path.join(root, "lib/test/global-setup.ts")],
    setupFiles: [path.join(root, "lib/test/setup-db.ts")],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    pool: "forks" as const,
    maxWorkers: 2,
    sequence: { groupOrder: index + 1 },
  },
}));

export default defineConfig({
  test: {
    projects: [
      { resolve: { alias }, test: { name: "unit", root, include: ["**/*.test.ts"], exclude: [...exclude, "**/*.int.test.ts"] } },
      ...databaseProjects,
    ],
  },
});
