// `npm test`: every suite. Unit and integration tests (Vitest: PGlite always, PostgreSQL when
// TEST_DATABASE_URL is set), then Playwright end-to-end tests against the production build in the
// system Chromium. Prints which suites ran, which were skipped and why, and one closing total.
import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync } from "node:fs";
import path from "node:path";
import { ensureBuilt, root } from "./build";

type TSuite = { name: string; status: "passed" | "failed" | "skipped"; passed: number; failed: number; skipped: number; note?: string };

// CI keeps only the tail of the output, so the names of failed tests are repeated beside the totals.
const failures: string[] = [];
// Tests that failed and then passed when CI ran them again (lib/test/vitest.config.ts): listed too.
const flaky: string[] = [];
function firstLine(message: unknown) {
  return String(message ?? "").split("\n").find((l) => l.trim())?.trim().slice(0, 300) ?? "";
}

const resultsDir = path.join(root, "test-results");
rmSync(path.join(resultsDir, "vitest.json"), { force: true });
rmSync(path.join(resultsDir, "e2e.json"), { force: true });
mkdirSync(resultsDir, { recursive: true });
const env = { ...process.env, NEXT_TELEMETRY_DISABLED: "1" };
const suites: TSuite[] = [];
// Optional: `npm test vitest [filters…]` or `npm test e2e [spec files…]` runs one suite.
const only = process.argv[2];
const extra = process.argv.slice(3);

function bin(pkg: string, file: string) {
  return path.join(root, "node_modules", pkg, file);
}

// Build first when sources changed: the crash-safety suite serves this build, and building while
// integration tests run in parallel would starve them of CPU.
let prebuilt: boolean | null = null;
if (only !== "e2e") {
  try {
    ensureBuilt();
    prebuilt = true;
  } catch {
    prebuilt = false;
  }
}

if (only !== "e2e") {
  const vitestJson = path.join(resultsDir, "vitest.json");
  const run = spawnSync(
    process.execPath,
    [bin("vitest", "vitest.mjs"), "run", "--config", "lib/test/vitest.config.ts", "--reporter=default", "--reporter=json", `--outputFile.json=${vitestJson}`, ...extra],
    { cwd: root, stdio: "inherit", env },
  );
  const report = existsSync(vitestJson) ? JSON.parse(readFileSync(vitestJson, "utf8")) : null;
  const byProject = new Map<string, TSuite>();
  for (const file of report?.testResults ?? []) {
    for (const t of file.assertionResults ?? []) {
      // Vitest's JSON report has no project field; the file's path and the run order tell them apart poorly,
      // so count per file name suffix instead and attribute totals to the vitest run as a whole.
      const key = "vitest";
      const suite = byProject.get(key) ?? { name: key, status: "passed", passed: 0, failed: 0, skipped: 0 };
      if (t.status === "passed") {
        suite.passed++;
        if (t.failureMessages?.length) flaky.push(`${path.relative(root, file.name)} › ${t.fullName}: ${firstLine(t.failureMessages[0])}`);
      }
      else if (t.status === "failed") {
        suite.failed++;
        failures.push(`${path.relative(root, file.name)} › ${t.fullName}: ${firstLine(t.failureMessages?.[0])}`);
      }
      else suite.skipped++;
      byProject.set(key, suite);
    }
  }
  const vitestSuite = byProject.get("vitest") ?? { name: "vitest", status: "failed", passed: 0, failed: 0, skipped: 0 };
  vitestSuite.name = "unit + integration (Vitest)";
  if (run.status !== 0) {
    vitestSuite.status = "failed";
    if (vitestSuite.failed === 0) vitestSuite.failed = 1;
  }
  vitestSuite.note = `projects: unit, integration-pglite${process.env.TEST_DATABASE_URL ? ", integration-postgres" : ""}`;
  suites.push(vitestSuite);
  if (!process.env.TEST_DATABASE_URL) {
    suites.push({ name: "integration-postgres", status: "skipped", passed: 0, failed: 0, skipped: 0, note: "TEST_DATABASE_URL is not set" });
  }
}

if (only !== "vitest") {
  const chromium = process.env.CHROMIUM_PATH || "/usr/bin/chromium";
  if (!existsSync(chromium)) {
    suites.push({ name: "end-to-end (Playwright)", status: "skipped", passed: 0, failed: 0, skipped: 0, note: `no Chromium at ${chromium} (set CHROMIUM_PATH or apt-get install chromium)` });
  } else {
    let built = prebuilt ?? true;
    if (prebuilt === null) {
      try {
        ensureBuilt();
      } catch {
        built = false;
      }
    }
    if (!built) {
      suites.push({ name: "end-to-end (Playwright)", status: "failed", passed: 0, failed: 1, skipped: 0, note: "next build failed" });
    } else {
      const e2eJson = path.join(resultsDir, "e2e.json");
      const run = spawnSync(process.execPath, [bin("@playwright/test", "cli.js"), "test", "-c", "e2e/playwright.config.ts", ...extra], {
        cwd: root,
        stdio: "inherit",
        env: { ...env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: "1" },
      });
      const report = existsSync(e2eJson) ? JSON.parse(readFileSync(e2eJson, "utf8")) : null;
      const stats = report?.stats ?? {};
      collectE2eFailures(report?.suites ?? []);
      const suite: TSuite = {
        name: "end-to-end (Playwright)",
        status: run.status === 0 ? "passed" : "failed",
        passed: stats.expected ?? 0,
        failed: (stats.unexpected ?? 0) || (run.status === 0 ? 0 : 1),
        skipped: stats.skipped ?? 0,
        note: `Chromium at ${chromium}`,
      };
      suites.push(suite);
    }
  }
}

type TE2eSuite = {
  title?: string;
  file?: string;
  specs?: { title: string; ok: boolean; tests?: { status?: string; results?: { error?: { message?: string } }[] }[] }[];
  suites?: TE2eSuite[];
};

function collectE2eFailures(suites: TE2eSuite[]) {
  for (const suite of suites) {
    for (const spec of suite.specs ?? []) {
      const error = spec.tests?.flatMap((t) => t.results ?? []).find((r) => r.error)?.error?.message;
      const line = `${suite.file ?? suite.title} › ${spec.title}: ${firstLine(error)}`;
      if (!spec.ok) failures.push(line);
      else if (spec.tests?.some((t) => t.status === "flaky")) flaky.push(line);
    }
    collectE2eFailures(suite.suites ?? []);
  }
}

if (flaky.length) {
  console.log("\nPassed only when run again (flaky: fix these)");
  for (const f of flaky) console.log(`  ! ${f}`);
}
if (failures.length) {
  console.log("\nFailed tests");
  for (const f of failures) console.log(`  ✗ ${f}`);
}
console.log("\nTest suites");
for (const s of suites) {
  const counts = s.status === "skipped" ? "" : ` ${s.passed} passed, ${s.failed} failed${s.skipped ? `, ${s.skipped} skipped` : ""}`;
  console.log(`  ${s.status.toUpperCase().padEnd(7)} ${s.name}:${counts}${s.note ? ` (${s.note})` : ""}`);
}
const total = suites.reduce((a, s) => ({ passed: a.passed + s.passed, failed: a.failed + s.failed, skipped: a.skipped + s.skipped }), { passed: 0, failed: 0, skipped: 0 });
console.log(`\nTests: ${total.passed} passed, ${total.failed} failed${total.skipped ? `, ${total.skipped} skipped` : ""}`);
process.exit(suites.some((s) => s.status === "failed") ? 1 : 0);
