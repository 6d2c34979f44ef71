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
    // In CI a failed integration test runs once more; npm test lists every test that needed it, so a
    // flaky test is seen and fixed, not hidden (lib/cli/test.ts).
    retry: process.env.CI ? 1 : 0,
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
